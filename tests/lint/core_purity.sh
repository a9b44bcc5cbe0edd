#!/usr/bin/env bash
# kernel/core stays portable and provable: no inline assembly, no volatile,
# no integer-to-pointer casts (arch/ owns those), and every header compiles
# on its own.
set -uo pipefail
root=$1
core=$root/kernel/core
fail=0
hits=$(grep -nE '\b(__asm__|__asm|asm)\b|\bvolatile\b' "$core"/*.c "$core"/*.h)
[ -z "$hits" ] || { echo "asm/volatile in kernel/core:"; echo "$hits"; fail=1; }
hits=$(grep -nE '\(\s*[A-Za-z_][A-Za-z0-9_ ]*\*\s*\)\s*\(?\s*(uintptr_t|uint32_t|unsigned|int)\b' "$core"/*.c "$core"/*.h)
[ -z "$hits" ] || { echo "integer-to-pointer cast in kernel/core:"; echo "$hits"; fail=1; }
for h in "$core"/*.h "$root"/kernel/include/bulkhead/*.h; do
  if ! echo "#include \"$h\"" | gcc -std=c11 -fsyntax-only -Wall -Werror -I"$core" \
      -I"$root/kernel/arch/host" -I"$root/kernel/include" -x c - 2>/tmp/lint.$$; then
    case "$h" in */bh.h|*/rt.h) continue ;; esac # box headers need the ARM target (inline SVC)
    echo "header not self-contained: $h"; cat /tmp/lint.$$; fail=1
  fi
done
rm -f /tmp/lint.$$
[ $fail = 0 ] && echo "kernel/core purity: ok"
exit $fail
