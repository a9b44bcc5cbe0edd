#!/bin/bash
# expected_test.sh BHGEN BOARDS ROOT MANIFEST EXPECTED_DIR SCRATCH
#
# Runs bhgen from ROOT on MANIFEST (a path relative to ROOT, so the banner
# is the same on every machine) and requires every generated file to be
# byte-identical to EXPECTED_DIR, and no file to be missing or extra. Used to
# pin the an505 output: any change in its layout or files fails here, with
# the diff. Regenerate EXPECTED_DIR only for a deliberate an505 change:
#   (cd ROOT && bhgen MANIFEST -o EXPECTED_DIR)
set -u
bhgen=$1 boards=$2 root=$3 manifest=$4 expected=$5 scratch=$6
rm -rf "$scratch"
mkdir -p "$scratch"
(cd "$root" && "$bhgen" --boards "$boards" "$manifest" -o "$scratch/gen") || {
    echo "FAIL: bhgen failed on $manifest"
    exit 1
}
if ! diff -r "$expected" "$scratch/gen"; then
    echo "FAIL: output for $manifest differs from $expected"
    exit 1
fi
echo "ok: $manifest output identical to $(basename "$expected")"
