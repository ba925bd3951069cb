#!/usr/bin/env bash
# Runs the schedule fuzzer on every kernel family of the test suite.
# Usage: scripts/fuzz-schedules.sh BUILD/bin COUNT SEED
set -euo pipefail
bin=$1 count=$2 seed=$3
cd "$(dirname "$0")/.."
kernels=test/e2e/Inputs/kernels.mlir
status=0
run() {
  "$bin/usl-fuzz-schedules" "$kernels" --count="$count" --seed="$seed" --openmp "$@" || status=1
}
run -e matmul --args=13,11,7,13x7,7x11,13x11
run -e conv1d --args=3,17,5,4,3x17,5x3x4,5x17
run -e stencil --args=13,11,13x11,13x11
run -e transpose --args=13,11,13x11,11x13
run -e blur --args=23,23,23,23
run -e prefix --args=7,301,7x301
run -e blur2d --args=13,11,13x11,13x11
run -e clamp2d --args=13,11,13x11,13x11
echo "seed $seed: $([ $status = 0 ] && echo 'every schedule matched' || echo 'FAILURES above')"
exit $status
