#!/bin/bash
# every_board_test.sh BHGEN BOARDS MANIFEST BOARD SCRATCH CC ROOT TESTDIR [--pmsav7] KCODE:SIZE KRAM:SIZE ...
#
# One manifest builds for every board: MANIFEST is copied to SCRATCH with
# its 'board:' line, and nothing else, set to BOARD. The copy must then
# pass run_valid.sh in both modes (every output file, and the independent
# layout check with the given arguments: --pmsav7 for ARMv7-M boards and
# the board's kernel ranges, restated by the test). kernel_memory.ld and
# image.ld must put the kernel's code at the first kernel range's base.
set -u
bhgen=$1 boards=$2 manifest=$3 board=$4 scratch=$5 cc=$6 root=$7 testdir=$8
shift 8
fail=0
complain() {
    echo "FAIL: $*"
    fail=1
}

rm -rf "$scratch"
mkdir -p "$scratch"
copy="$scratch/manifest.yaml"
sed "s/^board: *[A-Za-z0-9_]*\( *#.*\)\{0,1\}$/board: $board/" "$manifest" >"$copy"
grep -qx "board: $board" "$copy" || complain "no 'board:' line was replaced"
# Only the board line may differ.
other=$(diff "$manifest" "$copy" | grep '^[<>]' | grep -v '^[<>] board:')
[ -z "$other" ] || complain "more than the board line changed: $other"
[ $fail -eq 0 ] || exit 1

bash "$testdir/run_valid.sh" outputs "$bhgen" "$boards" "$copy" "$scratch/outputs" || fail=1
bash "$testdir/run_valid.sh" layout "$bhgen" "$boards" "$copy" "$scratch/layout" "$cc" "$root" "$testdir" "$@" ||
    fail=1

kcode=""
for a in "$@"; do
    case "$a" in
    0x*:*) kcode=${a%%:*}; break ;;
    esac
done
gen="$scratch/outputs/gen"
want=$(printf '0x%08X' "$kcode")
grep -q "KCODE (rx) : ORIGIN = $want," "$gen/kernel_memory.ld" || complain "kernel_memory.ld: KCODE not at $want"
grep -q "^  \.kernel $want : " "$gen/image.ld" || complain "image.ld: .kernel not at $want"
[ $fail -eq 0 ] && echo "ok: $(basename "$manifest") builds for $board"
exit $fail
