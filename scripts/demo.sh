#!/usr/bin/env bash
# The main job on the bundled examples: an algorithm in scheduled loops, a
# schedule applied one checked directive at a time, an illegal step refused,
# JIT runs of each schedule against the plain program (or C) on the same
# seeded data with timings side by side, the RVM blog's conv1d schedule with
# its instructions selected and run on the RVM emulator, and objects for
# x86-64 and RISC-V. Usage: scripts/demo.sh [BUILD/bin]
set -euo pipefail
bin=${1:-build/bin}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

step() { printf '\n== %s\n' "$*"; }

step "1. The algorithm: a naive matmul in scheduled loops (examples/matmul.mlir)"
sed -n '/^func.func @matmul(/,/^}/p' examples/matmul.mlir

step "2. A schedule, each directive checked and shown as a diff (--usl-trace-schedule)"
"$bin/usl-opt" examples/matmul.mlir --usl-trace-schedule -o "$tmp/matmul.mlir" \
  --reorder="func=matmul_scheduled loops=i,k,j" \
  --parallelize="func=matmul_scheduled loop=i" 2>&1 | sed 's/^/  /'

step "3. An illegal directive is refused with the dependence that forbids it"
"$bin/usl-opt" examples/matmul.mlir -o /dev/null \
  --parallelize="func=matmul_scheduled loop=k" 2>&1 | sed 's/^/  /' || true

step "4. JIT: the scheduled matmul vs the plain one on the same seeded inputs"
"$bin/usl-run" "$tmp/matmul.mlir" -e matmul_scheduled --compare=matmul \
  --args=17x13,13x31,17x31 --openmp
"$bin/usl-run" "$tmp/matmul.mlir" -e matmul_scheduled --compare=matmul \
  --args=512x512,512x512,512x512 --openmp --bench=5

step "5. conv1d on RVM: the blog's schedule as checked directives, then instruction selection"
scripts/apply-schedule.sh examples/conv1d-rvm.schedule examples/conv1d-rvm.mlir \
  | "$bin/usl-opt" --lower-rvm -o "$tmp/conv1d.mlir"
grep -E 'sloop\.for|rvm\.' "$tmp/conv1d.mlir" | sed -E 's/ : memref.*//; s/^/  /'
clang-22 -O1 -shared -fPIC test/e2e/Inputs/reference.c -o "$tmp/reference.so"
echo "  (run on the RVM emulator, against plain C)"
"$bin/usl-run" "$tmp/conv1d.mlir" -e conv1d --exact --rvm-counts \
  --reference="$tmp/reference.so:conv1d_case_study"
"$bin/uslc" "$tmp/conv1d.mlir" --target=riscv32 -o "$tmp/conv1d-rvm.rv32.o"
printf '  RVM instruction words in the riscv32 object: '
llvm-objdump-22 -d "$tmp/conv1d-rvm.rv32.o" | grep -cE '2b[[:space:]]+<unknown>' || true

step "6. AVX-512: Exo's sgemm register block and the blog's conv1d as directives, then instruction selection"
scripts/apply-schedule.sh examples/sgemm-avx512.schedule examples/sgemm-avx512.mlir \
  | "$bin/usl-opt" --lower-avx512 -o "$tmp/sgemm.mlir"
printf '  avx512 ops selected: '
grep -oE 'avx512\.[a-z0-9_]+' "$tmp/sgemm.mlir" | sort | uniq -c | tr '\n' ' '
echo
"$bin/usl-run" "$tmp/sgemm.mlir" -e sgemm --args=12x32,32x128,12x128 --compare=sgemm_ref
"$bin/uslc" "$tmp/sgemm.mlir" --cpu=znver5 --emit=asm -o "$tmp/all.s"
awk '/^sgemm:/,/^\.Lfunc_end/' "$tmp/all.s" > "$tmp/sgemm.s"
printf '  @sgemm for an AVX-512 CPU (znver5): %s vfmadd231ps on zmm, %s vbroadcastss\n' \
  "$(grep -c 'vfmadd231ps.*zmm' "$tmp/sgemm.s")" "$(grep -c 'vbroadcastss' "$tmp/sgemm.s")"
printf '  conv1d int32 on the CPU (examples/conv1d-avx512.schedule): '
scripts/apply-schedule.sh examples/conv1d-avx512.schedule examples/conv1d-avx512.mlir \
  | "$bin/usl-opt" --lower-avx512 -o "$tmp/conv1d-avx512.mlir"
grep -oE 'avx512\.[a-z0-9_]+' "$tmp/conv1d-avx512.mlir" | sort | uniq -c | tr '\n' ' '
echo
"$bin/usl-run" "$tmp/conv1d-avx512.mlir" -e conv1d --args=16x100,12x16x4,12x100 --compare=conv1d_ref

step "7. usl-translate --openmp: LLVM IR, the par loop forked onto OpenMP threads"
"$bin/usl-translate" --openmp "$tmp/matmul.mlir" -o "$tmp/matmul.ll"
grep -E '^define|__kmpc_fork_call' "$tmp/matmul.ll" | sed 's/^/  /'

step "8. uslc: objects and a C header, for the host and for RISC-V"
"$bin/uslc" examples/matmul.mlir -o "$tmp/matmul.o" --header="$tmp/matmul.h"
grep '_mlir_ciface' "$tmp/matmul.h" | sed 's/^/  /'
"$bin/uslc" examples/conv1d.mlir --target=riscv32 -o "$tmp/conv1d.rv32.o"
printf '  conv1d.rv32.o: '
llvm-readelf-22 -h "$tmp/conv1d.rv32.o" | awk -F: '/Class|Machine/ {gsub(/^ +/, "", $2); printf "%s ", $2} END {print ""}'

printf '\nDemo done. Tools are in %s; see README.md for more.\n' "$bin"
