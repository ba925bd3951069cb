#!/usr/bin/env bash
# Runs the schedule fuzzer on every kernel family of the test suite and
# records the run in docs/schedule-fuzzing.md.
# Usage: scripts/fuzz-schedules.sh BUILD/bin COUNT SEED
set -euo pipefail
bin=$1 count=$2 seed=$3
cd "$(dirname "$0")/.."
kernels=test/e2e/Inputs/kernels.mlir
status=0 passed=0 failed=0 applied=0 rejected=0 families=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
run() {
  "$bin/usl-fuzz-schedules" "$kernels" --count="$count" --seed="$seed" --openmp "$@" \
    | tee "$log" || status=1
  families=$((families + 1))
  local line
  line=$(grep -E "^[0-9]+ passed, [0-9]+ failed" "$log" || echo "0 passed, $count failed")
  passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
  failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
  line=$(grep -oE "[0-9]+ directives applied, [0-9]+ rejected" "$log" || echo "0 directives applied, 0 rejected")
  applied=$((applied + $(echo "$line" | cut -d' ' -f1)))
  rejected=$((rejected + $(echo "$line" | cut -d' ' -f4)))
}
start=$(date +%s)
run -e matmul --args=13,11,7,13x7,7x11,13x11
run -e conv1d --args=3,17,5,4,3x17,5x3x4,5x17
run -e stencil --args=13,11,13x11,13x11
run -e transpose --args=13,11,13x11,11x13
run -e blur --args=23,23,23,23
run -e prefix --args=7,301,7x301
run -e blur2d --args=13,11,13x11,13x11
run -e clamp2d --args=13,11,13x11,13x11
seconds=$(($(date +%s) - start))
echo "seed $seed: $passed schedules matched, $failed failed ($applied directives applied, $rejected rejected with an error and no change)"

record=docs/schedule-fuzzing.md
if [[ ! -f $record ]]; then
  cat > "$record" <<'HEADER'
# Schedule fuzzing record

Written by `make fuzz-schedules N=... SEED=...` (scripts/fuzz-schedules.sh),
one row per run: N random schedules of random directives, legal or not, per
kernel family of test/e2e/Inputs/kernels.mlir. Every accepted schedule must
compute the same buffers as the plain kernel when JIT-run (par loops on
OpenMP threads); every rejected directive must leave an error and no change.

| date | families | schedules | seed | directives applied | rejected | mismatches or crashes | seconds | command |
|---|---|---|---|---|---|---|---|---|
HEADER
fi
echo "| $(date +%F) | $families | $((passed + failed)) | $seed | $applied | $rejected | $failed | $seconds | make fuzz-schedules N=$count SEED=$seed |" >> "$record"
exit $status
