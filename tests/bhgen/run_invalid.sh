#!/bin/bash
# run_invalid.sh BHGEN BOARDS_DIR MANIFEST SCRATCH_DIR
#
# Checks that bhgen rejects one invalid manifest exactly as the manifest's
# own header comments say, in both generate and --check mode:
#   # expect: LINE: TEXT      an error "MANIFEST:LINE: error: ...TEXT..."
#                             (LINE 0: "MANIFEST: error: ...TEXT...")
#   # expect-board: REL:LINE: TEXT   same, in BOARDS_DIR/REL (a board file)
#   # boards: DIR             use DIR (relative to the manifest) as board dir
# and that the exit status is exactly 1, stdout is empty, every stderr line
# has the "FILE[:LINE]: error: " form, and nothing was written: neither the
# output directory nor any temporary directory beside it exists afterwards.
set -u

bhgen=$1
boards=$2
manifest=$3
scratch=$4
fail=0

complain() {
    echo "FAIL: $*"
    fail=1
}

rm -rf "$scratch"
mkdir -p "$scratch"
here=$(dirname "$manifest")
expects=()
while IFS= read -r line; do
    case "$line" in
    "# boards: "*) boards="$here/${line#\# boards: }" ;;
    "# expect: "*) expects+=("$manifest:${line#\# expect: }") ;;
    "# expect-board: "*) expects+=("$boards/${line#\# expect-board: }") ;;
    "#"*) ;;
    *) break ;;
    esac
done <"$manifest"
[ ${#expects[@]} -gt 0 ] || complain "$manifest has no '# expect:' line"

# "FILE:LINE: TEXT" -> grep for "FILE:LINE: error: " and TEXT on one line.
check_expect() {
    local stderr_file=$1 spec=$2
    local text=${spec#*:*: }
    local place=${spec%": $text"}
    local prefix="$place: error: "
    [[ $place == *:0 ]] && prefix="${place%:0}: error: "
    if ! grep -F -- "$prefix" "$stderr_file" | grep -qF -- "$text"; then
        complain "expected a line starting '$prefix' containing '$text'"
    fi
}

run_mode() {
    local mode=$1
    shift
    local out="$scratch/$mode.stdout" err="$scratch/$mode.stderr"
    "$bhgen" --boards "$boards" "$@" >"$out" 2>"$err"
    local status=$?
    [ "$status" -eq 1 ] || complain "$mode: exit status $status, expected 1"
    [ ! -s "$out" ] || complain "$mode: printed on stdout"
    if grep -vqF ': error: ' "$err"; then
        complain "$mode: stderr line not in FILE:LINE: error: form"
    fi
    for spec in "${expects[@]}"; do
        check_expect "$err" "$spec"
    done
    if [ $fail -ne 0 ]; then
        echo "--- $mode stderr:"
        cat "$err"
    fi
}

run_mode generate "$manifest" -o "$scratch/out/gen"
run_mode check --check "$manifest"

if [ -e "$scratch/out" ]; then
    complain "output written: $(find "$scratch/out" | head -5 | tr '\n' ' ')"
fi

[ $fail -eq 0 ] && echo "ok: $(basename "$manifest") rejected as expected"
exit $fail
