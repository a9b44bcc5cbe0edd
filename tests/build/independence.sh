#!/usr/bin/env bash
# Box images are independent: rebuilding after a change to one box's source
# leaves the kernel image and every other box image byte-identical, and the
# changed box's image different. Works on a private copy of the tree.
# Usage: independence.sh REPO_ROOT BHGEN
set -euo pipefail
root=$1 bhgen=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$root" --exclude=./build --exclude=./.git -cf - . | tar -C "$work" -xf -
cmake -S "$work" -B "$work/b" -G Ninja -DBH_TARGET=ON -DCMAKE_BUILD_TYPE=MinSizeRel \
  -DCMAKE_TOOLCHAIN_FILE="$work/cmake/arm-none-eabi.cmake" -DBH_BHGEN="$bhgen" \
  -DBH_IMAGES_DIR_ARG="$work/images" >/dev/null
cmake --build "$work/b" --target system_demo >/dev/null
img=$work/images/demo
files=(kernel.elf kernel.bin supervisor.elf supervisor.bin server.elf server.bin intruder.elf intruder.bin client.bin)
(cd "$img" && sha256sum "${files[@]}") > "$work/before"
echo 'const char *independence_probe = "changed";' >> "$work/examples/demo/client/main.c"
sed -i 's/hello, box/hello, changed box/' "$work/examples/demo/client/main.c"
cmake --build "$work/b" --target system_demo >/dev/null
(cd "$img" && sha256sum "${files[@]}") > "$work/after"
changed=$(diff <(cut -c1-64,66- "$work/before") <(cut -c1-64,66- "$work/after") | grep '^>' | awk '{print $3}' || true)
echo "changed after editing client: ${changed:-nothing}"
[ "$changed" = "client.bin" ] || { echo "FAIL: expected exactly client.bin to change"; exit 1; }
echo "PASS: kernel and the other boxes are byte-identical; only client.bin changed"
