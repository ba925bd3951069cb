#!/usr/bin/env bash
# Applies a schedule file (one usl-opt directive per line, '#' comments,
# `@FILE` lines including another schedule file from the same folder) to an
# input, as one usl-opt run. Extra arguments go to usl-opt.
# Usage: scripts/apply-schedule.sh SCHEDULE INPUT [usl-opt args...]
set -euo pipefail
schedule=$1 input=$2
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
usl_opt=${USL_OPT:-$(command -v usl-opt || echo "$here/build/bin/usl-opt")}
args=()
read_schedule() {
  local file=$1 line
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ -z "${line// }" || "$line" == \#* ]] && continue
    if [[ "$line" == @* ]]; then
      read_schedule "$(dirname "$file")/${line#@}"
    else
      args+=("$line")
    fi
  done < "$file"
}
read_schedule "$schedule"
exec "$usl_opt" "$input" "${args[@]}" "$@"
