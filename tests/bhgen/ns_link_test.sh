#!/bin/bash
# ns_link_test.sh BHGEN BOARDS MANIFEST SCRATCH ROOT
#
# End to end check of the files bhgen emits for a non-secure world, with the
# real cross toolchain (MANIFEST must have a 'nonsecure:' section):
#  - nsc_veneers.c compiles with -mcmse against kernel/arch/armv8m/nsc.h;
#    linked (with stand-ins for the kernel's common entry) by a minimal
#    kernel script that INCLUDEs the generated kernel_memory.ld, every
#    veneer's SG stub lands inside KNSC = [__bh_nsc_start, __bh_nsc_end), the
#    NSC window at the end of the kernel's code, and an import library comes
#    out (--cmse-implib);
#  - an image using bh_ns.h (bh_ns_call on every granted gateway and on one
#    that is not, bh_ns_log) links with nonsecure.ld and that import
#    library: its vector table is at the NS code base, everything else
#    inside NS code / NS RAM, __ns_stack_top at the end of NS RAM;
#  - image.ld places nonsecure.bin at the Secure alias of the NS code base
#    (BH_NS_CODE_BASE + the board's alias_offset).
# Exits 77 (skipped) when arm-none-eabi-gcc is not installed.
set -u
bhgen=$1 boards=$2 manifest=$3 scratch=$4 root=$5
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
for f in nsc_veneers.c bh_ns.h nonsecure.ld; do
    [ -s "$gen/$f" ] || complain "missing $f"
done
[ $fail -eq 0 ] || exit 1
flags=(-mcpu=cortex-m33 -mthumb -mfloat-abi=soft -Os -std=c11 -ffunction-sections -fdata-sections
       -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes)
hex() { printf '0x%08X' "$1"; }
define() { sed -n "s/^#define $1 \(0x[0-9A-F]*\)u.*/\1/p" "$gen/bh_ids.h"; }
sym() { $arm-nm "$1" | awk -v s="$2" '$3 == s { print "0x" $1 }'; }

# --- the kernel side: veneers in KNSC, import library out --------------------
cat >"$scratch/kstub.c" <<'EOF'
#include <stdint.h>
#include "nsc.h"
void bh_reset(void);
int64_t bh_nsc_enter(uint32_t gw, int32_t op, uint32_t in, uint32_t counts, uint32_t out)
{
    return (int64_t)gw + op + in + counts + out;
}
int64_t bh_nsc_log_enter(uint32_t text, uint32_t len)
{
    return (int64_t)text + len;
}
void bh_reset(void)
{
    for (;;) {
    }
}
EOF
# GNU ld drops an output section that is empty when it sizes the CMSE stubs
# and then fails ("no address assigned to the veneers output section"): the
# ALIGN statements keep .gnu.sgstubs alive until the SG stubs fill it.
cat >"$scratch/kernel.ld" <<'EOF'
INCLUDE kernel_memory.ld
ENTRY(bh_reset)
SECTIONS {
  .text : { *(.text .text.*) *(.rodata .rodata.*) } > KCODE
  .gnu.sgstubs : ALIGN(32) { . = ALIGN(32); KEEP(*(.gnu.sgstubs*)) . = ALIGN(32); } > KNSC
  .data : { *(.data .data.*) } > KRAM AT > KCODE
  .bss (NOLOAD) : { *(.bss .bss.* COMMON) } > KRAM
}
EOF
$arm-gcc "${flags[@]}" -mcmse -I"$root/kernel/arch/armv8m" -nostartfiles -nostdlib -L"$gen" -T "$scratch/kernel.ld" \
    -Wl,--cmse-implib -Wl,--out-implib="$scratch/implib.o" -Wl,--build-id=none \
    "$gen/nsc_veneers.c" "$scratch/kstub.c" -o "$scratch/kernel.elf" || complain "kernel side does not link"
[ $fail -eq 0 ] || exit 1
nsc_start=$(sym "$scratch/kernel.elf" __bh_nsc_start)
nsc_end=$(sym "$scratch/kernel.elf" __bh_nsc_end)
kend=$(( $(sed -n 's/.*KCODE (rx) : ORIGIN = \(0x[0-9A-F]*\), LENGTH = \(0x[0-9A-F]*\)/\1 + \2/p' "$gen/kernel_memory.ld") ))
[ -n "$nsc_start" ] && [ "$((kend))" -eq "$((nsc_start))" ] || complain "KNSC does not start where KCODE ends"
veneers=$(sed -n 's/^int64_t bh_nsc_\([A-Za-z0-9_]*\)(.*/\1/p' "$gen/bh_ns.h")
[ -n "$veneers" ] || complain "bh_ns.h declares no veneer"
for v in $veneers; do
    a=$($arm-nm "$scratch/implib.o" | awk -v s="bh_nsc_$v" '$3 == s { print "0x" $1 }')
    if [ -z "$a" ] || [ $((a & ~1)) -lt $((nsc_start)) ] || [ $((a & ~1)) -ge $((nsc_end)) ]; then
        complain "veneer bh_nsc_$v at '$a' is not in the NSC window $nsc_start..$nsc_end"
    fi
done

# --- the non-secure image: bh_ns.h, nonsecure.ld, the import library ------
{
    echo '#include "bh_ns.h"'
    echo 'void ns_reset(void);'
    echo 'typedef void (*vec_t)(void);'
    echo 'extern uint32_t __ns_stack_top[], __ns_data_load[], __ns_data_start[], __ns_data_end[];'
    echo 'extern uint32_t __ns_bss_start[], __ns_bss_end[];'
    echo '__attribute__((section(".vectors"), used)) static const vec_t vectors[2] = {(vec_t)(uintptr_t)__ns_stack_top, ns_reset};'
    echo 'volatile int32_t sink;'
    echo 'static int32_t counter = 3;'
    echo 'void ns_reset(void)'
    echo '{'
    echo '    int32_t st = 0;'
    echo '    bh_iovec_t v = {0, 0};'
    echo '    sink = bh_ns_log("hi", 2) + counter + (int32_t)(uintptr_t)__ns_bss_end + (int32_t)(uintptr_t)__ns_data_load;'
    sed -n 's/^#define \(BH_GW_[A-Z0-9_]*\) .*/\1/p' "$gen/bh_ids.h" | while read -r g; do
        echo "    sink += bh_ns_call($g, 1, &v, 1, &v, 1, &st) + st;"
    done
    echo '    sink += bh_ns_call(0xFFFFu, 1, NULL, 0, NULL, 0, NULL);'
    echo '    for (;;) {'
    echo '    }'
    echo '}'
} >"$scratch/ns.c"
$arm-gcc "${flags[@]}" -I"$gen" -I"$root/kernel/include" -nostartfiles -nostdlib -T "$gen/nonsecure.ld" \
    -Wl,--build-id=none -Wl,--gc-sections "$scratch/ns.c" "$scratch/implib.o" -o "$scratch/nonsecure.elf" ||
    complain "the non-secure image does not link"
[ $fail -eq 0 ] || exit 1
code=$(define BH_NS_CODE_BASE) ram=$(define BH_NS_RAM_BASE) ramsz=$(define BH_NS_RAM_SIZE)
vec=$($arm-objdump -h "$scratch/nonsecure.elf" | awk '$2 == ".vectors" { print "0x" $4 }')
[ -n "$vec" ] && [ $((vec)) -eq $((code)) ] || complain ".vectors at '$vec', NS code base is $code"
top=$(sym "$scratch/nonsecure.elf" __ns_stack_top)
[ -n "$top" ] && [ $((top)) -eq $((ram + ramsz)) ] || complain "__ns_stack_top is '$top', NS RAM ends at $(hex $((ram + ramsz)))"
for s in __ns_data_start __ns_bss_end; do
    a=$(sym "$scratch/nonsecure.elf" $s)
    [ -n "$a" ] && [ $((a)) -ge $((ram)) ] && [ $((a)) -le $((ram + ramsz)) ] || complain "$s at '$a' is not in NS RAM"
done

# --- system.elf: the NS image through its Secure alias ---------------------
alias=$(sed -n 's/^ *alias_offset: *\(0x[0-9A-Fa-f]*\).*/\1/p' "$boards/$(sed -n 's/^board: *\([A-Za-z0-9_]*\).*/\1/p' "$manifest")/board.yaml")
want=$(printf '%08x' $((code + alias)))
$arm-objcopy -O binary "$scratch/nonsecure.elf" "$scratch/nonsecure.bin" || complain "objcopy nonsecure"
head -c 256 /dev/zero >"$scratch/kernel.bin"
for bin in kernel nonsecure; do
    (cd "$scratch" && $arm-objcopy -I binary -O elf32-littlearm -B arm \
        --rename-section .data=.image,alloc,load,readonly,data,contents "$bin.bin" "obj/$bin.bin.o") ||
        complain "objcopy $bin"
done
$arm-ld -T "$gen/image.ld" -o "$scratch/system.elf" "$scratch/obj/kernel.bin.o" "$scratch/obj/nonsecure.bin.o" ||
    complain "image.ld does not link"
got=$($arm-objdump -h "$scratch/system.elf" | awk '$2 == ".nonsecure" { print $5 }')
[ "$got" = "$want" ] || complain "nonsecure.bin loaded at '$got', the Secure alias of the NS code base is $want"
[ $fail -eq 0 ] && echo "ok: veneers in the NSC window ($(echo $veneers | wc -w)), NS image linked, loaded at 0x$want"
exit $fail
