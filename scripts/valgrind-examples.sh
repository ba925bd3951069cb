#!/usr/bin/env bash
# usl-opt under valgrind on the bundled examples, each through its schedule
# and the whole lowering: any invalid read or write, use of uninitialized
# memory or bad free fails the run. (Leaks are not checked: MLIR keeps
# process-lifetime registries.)
# Usage: scripts/valgrind-examples.sh BUILD/bin
set -uo pipefail
bin=$1
cd "$(dirname "$0")/.."
command -v valgrind > /dev/null || { echo "valgrind-examples: valgrind is not installed (apt-get install valgrind)"; exit 1; }
status=0
check() {
  local what=$1
  shift
  if valgrind -q --error-exitcode=99 "$@" > /dev/null 2> "$tmp/err"; then
    echo "valgrind-examples: $what: clean"
  else
    echo "valgrind-examples: $what: FAILED"
    cat "$tmp/err"
    status=1
  fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A schedule file through apply-schedule.sh, usl-opt under valgrind.
printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 %s "$@"\n' "$bin/usl-opt" > "$tmp/usl-opt"
chmod +x "$tmp/usl-opt"
scheduled() {
  local what=$1 schedule=$2 input=$3
  shift 3
  if USL_OPT=$tmp/usl-opt bash scripts/apply-schedule.sh "$schedule" "$input" "$@" \
      -o /dev/null 2> "$tmp/err"; then
    echo "valgrind-examples: $what: clean"
  else
    echo "valgrind-examples: $what: FAILED"
    cat "$tmp/err"
    status=1
  fi
}
check "matmul, tiled, to LLVM" "$bin/usl-opt" examples/matmul.mlir \
  --tile="func=matmul_scheduled loops=i,j sizes=8,8" --usl-lower-to-llvm
check "the blur pipeline with its schedule, to LLVM" "$bin/usl-opt" bench/blur.mlir \
  --usl-lower-to-llvm=openmp
check "linalg imported and tiled, to LLVM" "$bin/usl-opt" test/e2e/Inputs/linalg-kernels.mlir \
  --import-linalg --tile="func=matmul loops=i,j sizes=8,16 tail=guard" --usl-lower-to-llvm
scheduled "conv1d on RVM, to LLVM" examples/conv1d-rvm.schedule examples/conv1d-rvm.mlir \
  --lower-rvm --usl-lower-to-llvm
scheduled "conv1d on AVX-512, to LLVM" examples/conv1d-avx512.schedule \
  examples/conv1d-avx512.mlir --lower-avx512 --usl-lower-to-llvm
scheduled "sgemm on AVX-512, selected" examples/sgemm-avx512.schedule \
  examples/sgemm-avx512.mlir --lower-avx512
exit $status
