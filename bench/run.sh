#!/usr/bin/env bash
# USL benchmarks: ratios measured side by side in one run, written as a
# Markdown table to bench/results.md. Not part of `make check`.
# Usage: bench/run.sh [BUILD/bin]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/bin}
runs=5
out=bench/results.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=1024
flops=$(( 2 * n * n * n ))
gflops() { awk -v f="$flops" -v ms="$1" 'BEGIN { printf "%.1f", f / (ms * 1e6) }'; }

# USL: the naive and the scheduled sgemm, on both cores, in one usl-run.
scripts/apply-schedule.sh bench/matmul.schedule bench/matmul.mlir > "$tmp/matmul.mlir"
line=$("$bin/usl-run" "$tmp/matmul.mlir" -e matmul_scheduled --compare=matmul \
         --openmp --rtol=1e-3 --bench=$runs | tail -n 1)
scheduled=$(sed -E 's/.*@matmul_scheduled ([0-9.]+) ms.*/\1/' <<<"$line")
naive=$(sed -E 's/.*@matmul ([0-9.]+) ms.*/\1/' <<<"$line")

# OpenBLAS with its AVX-512 kernels (SkylakeX) and with what it picks alone.
clang-22 -O2 bench/openblas_sgemm.c -o "$tmp/openblas_sgemm" -lopenblas
blasdef=$(OPENBLAS_NUM_THREADS=2 "$tmp/openblas_sgemm" $n $runs)
# Its AVX-512 kernels only run where the CPU has AVX-512.
if grep -qw avx512f /proc/cpuinfo; then
  blas512=$(OPENBLAS_NUM_THREADS=2 OPENBLAS_CORETYPE=SkylakeX "$tmp/openblas_sgemm" $n $runs)
else
  blas512=
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }
{
  echo "## sgemm fp32, N = $n, 2 threads (median of $runs runs)"
  echo
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, AVX-512: $(grep -qw avx512f /proc/cpuinfo && echo yes || echo no); $(date -u +%Y-%m-%d)."
  echo
  echo "| version | time (ms) | GFLOP/s | speed vs USL scheduled |"
  echo "|---|---|---|---|"
  echo "| USL naive (i, j, k) | $naive | $(gflops "$naive") | $(ratio "$scheduled" "$naive")x slower |"
  echo "| USL scheduled (bench/matmul.schedule) | $scheduled | $(gflops "$scheduled") | 1.00 |"
  if [ -n "$blas512" ]; then
    echo "| OpenBLAS, SkylakeX (AVX-512) kernels | $blas512 | $(gflops "$blas512") | $(ratio "$blas512" "$scheduled")x faster |"
  else
    echo "| OpenBLAS, SkylakeX (AVX-512) kernels | n/a: this CPU has no AVX-512 | | |"
  fi
  echo "| OpenBLAS, default kernels | $blasdef | $(gflops "$blasdef") | $(ratio "$blasdef" "$scheduled")x faster |"
} > "$out"
cat "$out"
