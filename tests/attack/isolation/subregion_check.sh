#!/bin/bash
# subregion_check.sh AUDIT_MD BOX
#
# The precondition of the read_past_own_ram attack on ARMv7-M: BOX's RAM
# slot is a run of sub-regions of one PMSAv7 region (SRD != 0), and the
# first byte after the slot lies inside that same region, i.e. in one of
# its disabled sub-regions. Reads the region table bhgen writes into the
# audit report ("| box | 1 ram | base | size | RBAR | R | sub-regions | SRD |").
set -u
audit=$1 box=$2
row=$(grep -E "^\| $box \| 1 ram \|" "$audit") || { echo "FAIL: no RAM region row for '$box' in $audit"; exit 1; }
IFS='|' read -r _ _ _ base size rbar r subs srd _ <<<"$row"
subs=${subs// /}
base=$((base)) size=$((size)) rbar=$((rbar)) r=$((r)) srd=$((srd))
if [ "$srd" -eq 0 ]; then
  echo "FAIL: '$box' RAM region uses no sub-regions (SRD 0): the attack would not test them"; exit 1
fi
past=$((base + size))
if [ "$past" -ge $((rbar + r)) ]; then
  echo "FAIL: the byte after '$box' RAM ($(printf 0x%08X $past)) is outside its region"; exit 1
fi
printf "ok: '%s' RAM 0x%08X+0x%X is sub-regions %s of region 0x%08X/0x%X (SRD 0x%02X); 0x%08X is in a disabled one\n" \
  "$box" "$base" "$size" "$subs" "$rbar" "$r" "$srd" "$past"
