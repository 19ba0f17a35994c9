#!/usr/bin/env bash
# Wall-clock time of the release `cargo-zoom-scopes` binary, whole process included (start,
# catalogue parse, work, output):
#   - `minimal --all`: the least-privilege cover of all 1,490 operations;
#   - `audit` of a generated crate with FUNCTIONS functions, each with #[requires_api].
# Prints the median and every run, and fails when a median exceeds the budget (1 s).
#
#   benches/cli-time.sh [FUNCTIONS=1000] [RUNS=11]
set -euo pipefail
. "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
runs=${2:-11}
budget_ms=1000
work="$root/target/bench/cli-time"

cd "$root"
cargo build -q --release -p cargo-zoom-scopes
bin="$root/target/release/cargo-zoom-scopes"
cargo run -q --release -p zoom-scopes-catalogue --example bench_crate -- "$work/crate" "$n" requires_api

# Runs "$@" once and prints its time in microseconds. Exit 1 (findings) is a normal answer.
timed() {
  local start rc=0
  start=$(now)
  "$@" >/dev/null || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "failed ($rc): $*" >&2
    exit 1
  fi
  echo $(( ($(now) - start) / 1000 ))
}

timed "$bin" minimal --all >/dev/null   # warm the file cache
timed "$bin" audit "$work/crate" >/dev/null
declare -A times
for ((r = 0; r < runs; r++)); do
  times[minimal]+="$(timed "$bin" minimal --all) "
  times[audit]+="$(timed "$bin" audit "$work/crate") "
done

ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
status=0
echo "cargo-zoom-scopes (release), $runs runs each, wall clock (ms):"
for what in minimal audit; do
  m=$(echo "${times[$what]}" | median)
  label="minimal --all (1490 operations)"
  [ "$what" = audit ] && label="audit ($n annotated functions)"
  runs_ms=$(for t in ${times[$what]}; do printf '%s ' "$(ms "$t")"; done)
  verdict=ok
  if awk -v m="$m" -v b="$budget_ms" 'BEGIN { exit !(m / 1000 >= b) }'; then verdict="OVER BUDGET"; status=1; fi
  printf '  %-36s median %7s   budget %d   %s\n      runs: %s\n' "$label" "$(ms "$m")" "$budget_ms" "$verdict" "$runs_ms"
done
exit $status
