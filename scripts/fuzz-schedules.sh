#!/usr/bin/env bash
# Runs the schedule fuzzer on every kernel family of the test suite, on the
# sizes of test/e2e/Inputs/kernel-sizes.txt, and records the run in
# docs/schedule-fuzzing.md.
# Usage: scripts/fuzz-schedules.sh BUILD/bin COUNT SEED [JOBS]
# COUNT schedules per family, in chunks of at most 500 (one JIT module
# each, seeds SEED, SEED + 1, ...), JOBS chunks at a time (default: cores).
set -euo pipefail
bin=$1 count=$2 seed=$3 jobs=${4:-$(nproc)}
cd "$(dirname "$0")/.."
kernels=test/e2e/Inputs/kernels.mlir
sizes=test/e2e/Inputs/kernel-sizes.txt
chunk=500
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# One line per chunk: family, seed, count, then the family's --args.
families=0
: > "$logs/chunks"
while read -r family args; do
  [[ -z $family || $family == \#* ]] && continue
  families=$((families + 1))
  left=$count s=$seed
  while ((left > 0)); do
    n=$((left < chunk ? left : chunk))
    echo "$family $s $n $args" >> "$logs/chunks"
    left=$((left - n)) s=$((s + 1))
  done
done < "$sizes"

# Each chunk: its schedules run on every size, twice (par loops on OpenMP
# threads race differently each time), JIT-compiled without optimization
# (fast to compile; lowering's own output is what is checked).
start=$(date +%s)
status=0
# shellcheck disable=SC2016
xargs -P "$jobs" -L 1 bash -c '
  bin=$0 kernels=$1 logs=$2 family=$3 seed=$4 n=$5; shift 5
  "$bin/usl-fuzz-schedules" "$kernels" -e "$family" "$@" --count="$n" \
    --seed="$seed" --openmp --repeat=2 --opt=0 < /dev/null \
    > "$logs/$family.$seed.out" 2> "$logs/$family.$seed.err" || true
  tail -n 2 "$logs/$family.$seed.out"
' "$bin" "$kernels" "$logs" < "$logs/chunks" || status=1
seconds=$(($(date +%s) - start))

passed=0 failed=0 applied=0 rejected=0
while read -r family s n args; do
  out="$logs/$family.$s.out"
  line=$(grep -E "^[0-9]+ passed, [0-9]+ failed" "$out" || echo "0 passed, $n failed")
  passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
  f=$(echo "$line" | cut -d' ' -f3)
  failed=$((failed + f))
  if ((f > 0)) || ! grep -qE "^[0-9]+ passed" "$out"; then
    status=1
    echo "$family (seed $s):" >&2
    cat "$logs/$family.$s.err" >&2
  fi
  line=$(grep -oE "[0-9]+ directives applied, [0-9]+ rejected" "$out" || echo "0 directives applied, 0 rejected")
  applied=$((applied + $(echo "$line" | cut -d' ' -f1)))
  rejected=$((rejected + $(echo "$line" | cut -d' ' -f4)))
done < "$logs/chunks"
echo "seed $seed: $passed schedules matched, $failed failed ($applied directives applied, $rejected rejected with an error and no change) in $seconds s"

record=docs/schedule-fuzzing.md
echo "| $(date +%F) | $families | $((passed + failed)) | $seed | $applied | $rejected | $failed | $seconds | make fuzz-schedules N=$count SEED=$seed |" >> "$record"
exit $status
