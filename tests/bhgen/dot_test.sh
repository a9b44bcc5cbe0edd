#!/bin/bash
# dot_test.sh BHGEN BOARDS MANIFEST SCRATCH — system.dot is a graph Graphviz
# accepts, with one node per box. Exits 77 (skipped) without Graphviz.
set -u
bhgen=$1 boards=$2 manifest=$3 scratch=$4
command -v dot >/dev/null || {
    echo "skip: Graphviz (dot) not installed"
    exit 77
}
rm -rf "$scratch"
mkdir -p "$scratch"
"$bhgen" --boards "$boards" "$manifest" -o "$scratch/gen" || exit 1
dot -Tsvg "$scratch/gen/system.dot" -o "$scratch/system.svg" || {
    echo "FAIL: dot rejects system.dot"
    exit 1
}
boxes=$(grep -c '^  "box_[A-Za-z0-9_]*" \[shape=ellipse' "$scratch/gen/system.dot")
want=$(grep -c '^  \.box_' "$scratch/gen/image.ld")
[ "$boxes" -eq "$want" ] || {
    echo "FAIL: $boxes box nodes for $want boxes"
    exit 1
}
echo "ok: system.dot renders, $boxes boxes"
