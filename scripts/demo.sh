#!/usr/bin/env bash
# The main job on the bundled examples: the algorithm as scheduled loops, the
# lowering, a JIT run of each scheduled variant against its plain version on
# the same seeded data, timings side by side, and objects for x86-64 and
# RISC-V. Usage: scripts/demo.sh [BUILD/bin]
set -euo pipefail
bin=${1:-build/bin}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

step() { printf '\n== %s\n' "$*"; }

step "1. The algorithm: a naive matmul in scheduled loops (examples/matmul.mlir)"
sed -n '/^func.func @matmul(/,/^}/p' examples/matmul.mlir

step "2. Its schedule-level variant: i parallel, k and j interchanged, j vectorizable"
sed -n '/^func.func @matmul_ikj(/,/^}/p' examples/matmul.mlir | grep -E 'sloop.for'

step "3. usl-opt --convert-sloop-to-scf --canonicalize: the first lowering step"
"$bin/usl-opt" examples/matmul.mlir --convert-sloop-to-scf --canonicalize |
  sed -n '/func.func @matmul_ikj/,/^  }/p'

step "4. usl-translate --openmp: LLVM IR, the par loop forked onto OpenMP threads"
"$bin/usl-translate" --openmp examples/matmul.mlir -o "$tmp/matmul.ll"
grep -E '^define|__kmpc_fork_call' "$tmp/matmul.ll" | sed 's/^/  /'

step "5. JIT: scheduled vs plain on the same seeded inputs (odd sizes 17x13x31)"
"$bin/usl-run" examples/matmul.mlir -e matmul_ikj --compare=matmul \
  --args=17x13,13x31,17x31

step "6. JIT timings, 512x512x512 fp32, par loop on both cores"
"$bin/usl-run" examples/matmul.mlir -e matmul_ikj --compare=matmul \
  --args=512x512,512x512,512x512 --openmp --bench=5

step "7. conv1d of the RVM case study (int32, zero boundary): tiled vs plain"
"$bin/usl-run" examples/conv1d.mlir -e conv1d_tiled --compare=conv1d --exact \
  --bench=101

step "8. uslc: objects and a C header, for the host and for RISC-V"
"$bin/uslc" examples/matmul.mlir -o "$tmp/matmul.o" --header="$tmp/matmul.h"
grep '_mlir_ciface' "$tmp/matmul.h" | sed 's/^/  /'
"$bin/uslc" examples/conv1d.mlir --target=riscv32 -o "$tmp/conv1d.rv32.o"
printf '  conv1d.rv32.o: '
llvm-readelf-22 -h "$tmp/conv1d.rv32.o" | awk -F: '/Class|Machine/ {gsub(/^ +/, "", $2); printf "%s ", $2} END {print ""}'

printf '\nDemo done. Tools are in %s; see README.md for more.\n' "$bin"
