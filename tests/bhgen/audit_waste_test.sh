#!/bin/bash
# audit_waste_test.sh CASE BHGEN BOARDS ROOT TESTDIR SCRATCH
#
# The PMSAv7 waste report in audit.md, one CASE per ctest test:
#   reports_pmsav7_waste_per_box_and_total  examples/demo with 'board: an385':
#       the waste section has a row per box whose waste is its padding +
#       skipped columns, a total row that is the sum of the rows, a
#       "Total waste" line that agrees, skipped bytes equal to the holes
#       between slots in the audit's own memory map, and the demo's known
#       waste: 1024 bytes (the third 0x600 RAM block cannot start at
#       offset 0xC00 of a 4 KiB block, so 0x400 bytes are skipped).
#   reports_rounded_sizes  valid/an385_devices.yaml: every size no region
#       covers is listed as rounded up, the stack keeps its size at the
#       slot's base and the extra goes to data (boxes/hub.ld).
#   has_no_waste_section_on_an505  the demo on an505 has no PMSAv7 section.
set -u
case_name=$1 bhgen=$2 boards=$3 root=$4 testdir=$5 scratch=$6
fail=0
complain() {
    echo "FAIL: $*"
    fail=1
}
rm -rf "$scratch"
mkdir -p "$scratch"

# gen MANIFEST BOARD: generates a copy of MANIFEST set to BOARD into $scratch/gen.
gen() {
    sed "s/^board: .*/board: $2/" "$1" >"$scratch/manifest.yaml"
    "$bhgen" --boards "$boards" "$scratch/manifest.yaml" -o "$scratch/gen" || {
        echo "FAIL: bhgen failed"
        exit 1
    }
    audit="$scratch/gen/audit.md"
}

# Rows of the waste table: "box pad_code skip_code pad_ram skip_ram waste".
waste_rows() {
    sed -n '/^## MPU region waste/,/^## /p' "$audit" | awk -F'|' '/^\| [A-Za-z_*]/ && NF == 10 && $2 != " Box " {
        for (i = 2; i <= 9; i++) gsub(/^ +| +$/, "", $i)
        print $2, $4, $5, $7, $8, $9 }'
}

# Sum of the holes between consecutive code rows and consecutive ram rows
# of the memory map (kernel range first, then the box slots); devices are
# the board's, not laid out.
map_holes() {
    sed -n '/^## Memory map/,/^## /p' "$audit" | awk -F' [|] ' '
    function hex(s,   v, i) { v = 0; s = toupper(s); sub(/^[|] /, "", s); sub(/^0X/, "", s)
        for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1
        return v }
    /^\| 0x/ {
        kind = $7; gsub(/ \|$/, "", kind); base = hex($1); end = hex($2)
        if (kind == "device") next
        if (kind in last && base > last[kind]) holes += base - last[kind]
        last[kind] = end } END { print holes + 0 }'
}

check_sums() {
    local rows total line holes
    rows=$(waste_rows)
    [ -n "$rows" ] || complain "no waste rows"
    echo "$rows" | awk '$1 != "**total**" && $2 + $3 + $4 + $5 != $6 { print "FAIL: row " $1 " waste is not padding + skipped"; bad = 1 }
        END { exit bad }' || fail=1
    total=$(echo "$rows" | awk '$1 != "**total**" { w += $6; s += $3 + $5 } END { print w, s }')
    line=$(echo "$rows" | awk '$1 == "**total**" { gsub(/\*/, "", $6); print $6, $3 + $5 }')
    [ "$total" = "$line" ] || complain "total row '$line' is not the sum of the rows '$total'"
    grep -q "^Total waste: ${total%% *} bytes" "$audit" || complain "'Total waste: ${total%% *} bytes' missing"
    holes=$(map_holes)
    [ "$holes" = "${total##* }" ] || complain "skipped bytes ${total##* } but the memory map has $holes bytes of holes"
}

case "$case_name" in
reports_pmsav7_waste_per_box_and_total)
    gen "$root/examples/demo/manifest.yaml" an385
    grep -q '^## MPU region waste (PMSAv7)$' "$audit" || complain "no waste section"
    for b in supervisor server client intruder; do
        waste_rows | grep -q "^$b " || complain "no waste row for box $b"
    done
    check_sums
    grep -q '^| \*\*total\*\* | | 0 | 0 | | 0 | 1024 | \*\*1024\*\* |$' "$audit" || complain "demo waste is not 1024 bytes"
    grep -q '^No requested size needed rounding\.$' "$audit" || complain "demo sizes reported as rounded"
    ;;
reports_rounded_sizes)
    gen "$testdir/valid/an385_devices.yaml" an385
    check_sums
    for want in "box hub: code rounded up from 0x900 to 0xA00 bytes" \
        "box hub: stack + data rounded up from 0x900 to 0xA00 bytes" \
        "box net: stack + data rounded up from 0x3200 to 0x3800 bytes" \
        "box tiny: stack + data rounded up from 0x120 to 0x140 bytes"; do
        grep -qF -- "- $want" "$audit" || complain "not reported: $want"
    done
    grep -q 'code rounded up' <(grep -F -- '- box net:' "$audit") && complain "net's code (5 x 4 KiB) was rounded"
    base=$(sed -n 's/^__bh_stack_base = \(0x[0-9A-F]*\);$/\1/p' "$scratch/gen/boxes/hub.ld")
    top=$(sed -n 's/^__bh_stack_top = \(0x[0-9A-F]*\);$/\1/p' "$scratch/gen/boxes/hub.ld")
    [ $((top - base)) -eq $((0x800)) ] || complain "hub's stack is not 0x800 bytes at the slot base"
    grep -q "RAM (rw)  : ORIGIN = $(printf '0x%08X' "$top"), LENGTH = 0x00000200" "$scratch/gen/boxes/hub.ld" ||
        complain "hub's data is not the rest of the 0xA00 slot"
    ;;
has_no_waste_section_on_an505)
    gen "$root/examples/demo/manifest.yaml" an505
    grep -q 'PMSAv7' "$audit" && complain "an505 audit mentions PMSAv7"
    ;;
*) complain "unknown case $case_name" ;;
esac
[ $fail -eq 0 ] && echo "ok: $case_name"
exit $fail
