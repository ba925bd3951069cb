#!/usr/bin/env bash
# USL benchmarks: ratios measured side by side in one run, written as a
# Markdown table to bench/results.md. Not part of `make check`.
# Usage: bench/run.sh [BUILD/bin]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/bin}
runs=5
blur_runs=15 # a blur takes milliseconds: more runs steady its median
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

# sgemm with register blocking (one thread): the Exo schedule's 6 x 64
# block for AVX-512 (examples/sgemm-avx512.schedule) and a 6 x 16 block
# sized for AVX2, blocked and packed for the caches (bench/sgemm-6x16.schedule),
# against OpenBLAS and the FMA peak measured on this core.
clang-22 -O2 bench/fma_peak.c -o "$tmp/fma_peak"
peaks=$("$tmp/fma_peak")
peak=$(awk '{ p = $2 } END { print p }' <<<"$peaks") # the widest the CPU has
for s in avx512:examples/sgemm-avx512.schedule 6x16:bench/sgemm-6x16.schedule; do
  scripts/apply-schedule.sh "${s#*:}" examples/sgemm-avx512.mlir \
    | "$bin/usl-opt" --lower-avx512 -o "$tmp/sgemm-${s%%:*}.mlir"
done
usl_sgemm() {
  OMP_NUM_THREADS=1 "$bin/usl-run" "$tmp/sgemm-$1.mlir" -e sgemm --bench=$runs \
    --args="$2x$2,$2x$2,$2x$2" | tail -n 1 | sed -E 's/.* ([0-9.]+) ms$/\1/'
}
gf() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.1f", 2 * n * n * n / (ms * 1e6) }'; }
{
  echo
  echo "## sgemm fp32 with register blocking, 1 thread (median of $runs runs)"
  echo
  echo "FMA peak measured on one core (GFLOP/s): $(paste -sd, <<<"$peaks" | sed 's/,/, /g')."
  echo
  echo "| N | USL 6x64 block (ms) | USL 6x16 block (ms) | OpenBLAS default (ms) | OpenBLAS SkylakeX (ms) | best USL GFLOP/s | best OpenBLAS GFLOP/s | USL / OpenBLAS speed | USL % of peak |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for n in 256 512 1024 2048; do
    u64=$(usl_sgemm avx512 $n)
    u16=$(usl_sgemm 6x16 $n)
    bd=$(OPENBLAS_NUM_THREADS=1 "$tmp/openblas_sgemm" $n $runs)
    if grep -qw avx512f /proc/cpuinfo; then
      bs=$(OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE=SkylakeX "$tmp/openblas_sgemm" $n $runs)
    else
      bs="n/a"
    fi
    u=$(printf '%s\n' "$u64" "$u16" | sort -g | head -n 1)
    b=$(printf '%s\n' "$bd" "$bs" | grep -v n/a | sort -g | head -n 1)
    echo "| $n | $u64 | $u16 | $bd | $bs | $(gf $n "$u") | $(gf $n "$b") | $(awk -v u="$u" -v b="$b" 'BEGIN { printf "%.2f", b / u }') | $(awk -v g="$(gf $n "$u")" -v p="$peak" 'BEGIN { printf "%.0f%%", 100 * g / p }') |"
  done
  # Both cores at N = 2048: the 6 x 16 schedule with its row blocks on
  # threads (bench/sgemm-6x16-threads.schedule).
  scripts/apply-schedule.sh bench/sgemm-6x16-threads.schedule examples/sgemm-avx512.mlir \
    | "$bin/usl-opt" --lower-avx512 -o "$tmp/sgemm-threads.mlir"
  n=2048
  ut=$(OMP_NUM_THREADS=2 "$bin/usl-run" "$tmp/sgemm-threads.mlir" -e sgemm --openmp \
         --bench=$runs --args="$n"x$n,"$n"x$n,"$n"x$n | tail -n 1 | sed -E 's/.* ([0-9.]+) ms$/\1/')
  bt=$(OPENBLAS_NUM_THREADS=2 "$tmp/openblas_sgemm" $n $runs)
  if grep -qw avx512f /proc/cpuinfo; then
    bts=$(OPENBLAS_NUM_THREADS=2 OPENBLAS_CORETYPE=SkylakeX "$tmp/openblas_sgemm" $n $runs)
  else
    bts="n/a"
  fi
  b=$(printf '%s\n' "$bt" "$bts" | grep -v n/a | sort -g | head -n 1)
  echo
  echo "2 threads, N = $n: USL 6x16 block $ut ms ($(gf $n "$ut") GFLOP/s), OpenBLAS default $bt ms, SkylakeX $bts; USL / OpenBLAS speed $(awk -v u="$ut" -v b="$b" 'BEGIN { printf "%.2f", b / u }')."
} >> "$out"

# The RVM blog's conv1d, int32, on one core (examples/conv1d-avx512.schedule)
# against the plain loops and the int32 multiply-add ceiling measured here.
scripts/apply-schedule.sh examples/conv1d-avx512.schedule examples/conv1d-avx512.mlir \
  | "$bin/usl-opt" --lower-avx512 -o "$tmp/conv1d.mlir"
ic=64 oc=64 w=4 len=4096
conv_args="${ic}x$len,${oc}x${ic}x$w,${oc}x$len"
macs=$(( oc * len * ic * w ))
conv_ms() {
  OMP_NUM_THREADS=1 "$bin/usl-run" "$tmp/conv1d.mlir" -e "$1" --bench="$2" --args="$conv_args" \
    | tail -n 1 | sed -E 's/.* ([0-9.]+) ms$/\1/'
}
gmacs() { awk -v m="$macs" -v ms="$1" 'BEGIN { printf "%.1f", m / (ms * 1e6) }'; }
{
  madd=$("$tmp/fma_peak" int32)
  ceiling=$(awk '{ p = $2 } END { print p }' <<<"$madd")
  same=$("$bin/usl-run" "$tmp/conv1d.mlir" -e conv1d --args="$conv_args" --compare=conv1d_ref | tail -n 1)
  plain=$(conv_ms conv1d_ref 1)
  sched=$(conv_ms conv1d $runs)
  echo
  echo "## conv1d int32, IC = OC = $ic, N = $len, W = $w, 1 thread (median of $runs runs)"
  echo
  echo "int32 multiply-add ceiling measured on one core (GMAC/s): $(paste -sd, <<<"$madd" | sed 's/,/, /g')."
  echo "Scheduled against plain: $(sed -E 's/^usl-run: //' <<<"$same")."
  echo
  echo "| version | time (ms) | GMAC/s | % of ceiling |"
  echo "|---|---|---|---|"
  for v in "plain loops:$plain" "examples/conv1d-avx512.schedule:$sched"; do
    ms=${v##*:}
    echo "| USL ${v%:*} | $ms | $(gmacs "$ms") | $(awk -v g="$(gmacs "$ms")" -v p="$ceiling" 'BEGIN { printf "%.0f%%", 100 * g / p }') |"
  done
} >> "$out"

# The seed's blur, uint16 and float32, 4096 x 4096, against Halide 14 with
# the same algorithm and schedule (built ahead of time, called from C).
size=4096
clang++-22 -O1 -std=c++17 -I/usr/include/halide14 bench/halide_blur_gen.cpp \
  -o "$tmp/halide_gen" -lHalide14
"$tmp/halide_gen" "$tmp"
for kind in exe so; do
  flags=$([ $kind = so ] && echo "-shared -fPIC" || echo "")
  clang-22 -O2 -fPIC $flags -I/usr/include/halide14 -I"$tmp" bench/halide_blur.c \
    "$tmp/halide_blur_u16.a" "$tmp/halide_blur_f32.a" -o "$tmp/halide_blur.$kind" \
    -lpthread -ldl -lm
done
# The uint16 outputs must be bit-identical to Halide's.
"$bin/usl-run" bench/blur.mlir -e blur_u16 --args=$size,$size,${size}x$size,${size}x$size \
  --openmp --exact --reference="$tmp/halide_blur.so:halide_blur_u16_ref" | tail -n 1 > "$tmp/same"
usl_ms() {
  OMP_NUM_THREADS=$2 "$bin/usl-run" bench/blur.mlir -e "blur_$1" --openmp --bench=$blur_runs \
    --args=$size,$size,${size}x$size,${size}x$size | tail -n 1 | sed -E 's/.* ([0-9.]+) ms$/\1/'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
halide_ms() { HL_NUM_THREADS=$2 "$tmp/halide_blur.exe" "$1" $size $size $blur_runs | sed 's/ ms//'; }
{
  echo
  echo "## 3x3 blur, ${size} x ${size}, seed schedule (median of 5 alternating rounds of $blur_runs runs)"
  echo
  echo "Memory bandwidth (copy, 1 thread): $("$tmp/halide_blur.exe" copy $size $size $blur_runs)."
  echo "uint16 against Halide: $(sed -E 's/^usl-run: //; s#[^ ]*halide_blur.so:##' "$tmp/same")."
  echo
  echo "| type | threads | USL (ms) | Halide 14 (ms) | USL / Halide time |"
  echo "|---|---|---|---|---|"
  for type in u16 f32; do
    for threads in 1 2; do
      # Rounds alternate between the two so that drift in the machine's
      # load hits both alike; each side reports its median round.
      us=() hs=()
      for round in 1 2 3 4 5; do
        us+=("$(usl_ms $type $threads)")
        hs+=("$(halide_ms $type $threads)")
      done
      u=$(median "${us[@]}")
      h=$(median "${hs[@]}")
      echo "| $type | $threads | $u | $h | $(awk -v u="$u" -v h="$h" 'BEGIN { printf "%.2f", u / h }') |"
    done
  done
} >> "$out"
cat "$out"
