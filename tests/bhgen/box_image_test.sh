#!/bin/bash
# box_image_test.sh BHGEN BOARDS MANIFEST SCRATCH CC ROOT TESTDIR
#
# End to end check of what bhgen emits for box images, with the real
# cross toolchain: every box of MANIFEST is compiled from box_stub/box.c and
# its generated boxes/<box>_entry.c, linked alone with boxes/<box>.ld,
# turned into a raw image and sealed with bhgen --seal; then the kernel's
# own image check (image_check.c + kernel/core/image.c + the generated
# bh_tables.c, on the host) must accept every image, and image.ld must link
# the images into one system.elf with each image at its slot's address.
# Boxes are compiled for the 'cpu:' of the manifest's board file.
# Exits 77 (skipped) when arm-none-eabi-gcc is not installed.
set -u
bhgen=$1 boards=$2 manifest=$3 scratch=$4 cc=$5 root=$6 testdir=$7
arm=arm-none-eabi
command -v $arm-gcc >/dev/null || {
    echo "skip: $arm-gcc not installed"
    exit 77
}
fail=0
complain() {
    echo "FAIL: $*"
    fail=1
}

rm -rf "$scratch"
mkdir -p "$scratch/obj"
gen="$scratch/gen"
"$bhgen" --boards "$boards" "$manifest" -o "$gen" || exit 1
boxes=$(sed -n 's/^  \.box_\([A-Za-z0-9_]*\) .*/\1/p' "$gen/image.ld")
# Compile for the board's CPU (its board file's 'cpu:'), soft float throughout.
board=$(sed -n 's/^board: *\([A-Za-z0-9_]*\).*/\1/p' "$manifest")
cpu=$(sed -n 's/^cpu: *\([a-z0-9-]*\).*/\1/p' "$boards/$board/board.yaml")
flags=(-mcpu="${cpu:-cortex-m33}" -mthumb -mfloat-abi=soft -Os -ffunction-sections -fdata-sections -Wall -Wextra -Werror)
pairs=()
for b in $boxes; do
    entry=$(sed -n 's/^void \([A-Za-z0-9_]*\)(void);$/\1/p' "$gen/boxes/${b}_entry.c")
    $arm-gcc "${flags[@]}" -DBOX_ENTRY="$entry" -I"$testdir/box_stub" -nostartfiles --specs=nano.specs \
        -T "$gen/boxes/$b.ld" -Wl,--gc-sections -Wl,--build-id=none \
        "$testdir/box_stub/box.c" "$gen/boxes/${b}_entry.c" -o "$scratch/$b.elf" || complain "$b: link failed"
    $arm-objcopy -O binary "$scratch/$b.elf" "$scratch/$b.bin" || complain "$b: objcopy failed"
    "$bhgen" --seal "$scratch/$b.bin" || complain "$b: seal failed"
    pairs+=("$b=$scratch/$b.bin")
done
[ $fail -eq 0 ] || exit 1

"$cc" -std=c11 -Wall -Wextra -Werror -iquote "$root/kernel/core" -I"$root/kernel/include" \
    "$testdir/image_check.c" "$root/kernel/core/image.c" "$gen/bh_tables.c" -o "$scratch/image_check" ||
    complain "image_check does not build"
[ $fail -eq 0 ] && { "$scratch/image_check" "${pairs[@]}" || fail=1; }

# system.elf, as cmake/bulkhead.cmake links it (a fake kernel.bin stands in).
head -c 256 /dev/zero >"$scratch/kernel.bin"
objs=()
for bin in kernel $boxes; do
    (cd "$scratch" && $arm-objcopy -I binary -O elf32-littlearm -B arm \
        --rename-section .data=.image,alloc,load,readonly,data,contents "$bin.bin" "obj/$bin.bin.o") ||
        complain "objcopy $bin"
    objs+=("$scratch/obj/$bin.bin.o")
done
$arm-ld -T "$gen/image.ld" -o "$scratch/system.elf" "${objs[@]}" || complain "image.ld does not link"
for b in $boxes; do
    want=$(sed -n "s/^  \.box_$b 0x\([0-9A-F]*\) .*/\1/p" "$gen/image.ld" | tr 'A-F' 'a-f')
    got=$($arm-objdump -h "$scratch/system.elf" | awk -v s=".box_$b" '$2 == s { print $4 }')
    [ -n "$want" ] && [ "$got" = "$want" ] || complain "$b: placed at '$got', slot starts at '$want'"
done
[ $fail -eq 0 ] && echo "ok: $(echo "$boxes" | wc -w) box images built, sealed and accepted"
exit $fail
