#!/usr/bin/env bash
# Per-request overhead of zoom_scopes::client::Client against a raw reqwest call to the same
# loopback endpoint (the mock's GET /v2/users/me, same token, same JSON decoding), for the
# client's two ways to send it: `call` (the path built from the operation's endpoint) and
# `get` (a path given whole, checked against it).
# Each run is one `cargo bench` of runtime/benches/client.rs: criterion measures the three side
# by side, then an alternating loop times them in turn. Prints each run's criterion medians and
# ratios, the alternating ratios, and the median ratios over the runs. Budget: <= 1.05.
#
#   benches/client-overhead.sh [RUNS=3]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}
estimates="$target/criterion/get_user"

# The median point estimate, in ns, from a criterion estimates.json.
median_ns() {
  grep -o '"median":{"confidence_interval":{[^}]*},"point_estimate":[0-9.eE+-]*' "$1" |
    sed 's/.*"point_estimate"://'
}

cargo bench -p zoom-scopes --bench client --no-run --quiet
call_ratios=()
get_ratios=()
alternating_call=()
alternating_get=()
ratio_of() { awk -v c="$1" -v r="$2" 'BEGIN { printf "%.3f", c / r }'; }
us() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 1000 }'; }
for run in $(seq 1 "$runs"); do
  log=$(mktemp)
  cargo bench -p zoom-scopes --bench client --quiet >"$log" 2>&1 || { cat "$log"; exit 1; }
  raw=$(median_ns "$estimates/raw_reqwest/new/estimates.json")
  call=$(median_ns "$estimates/call/new/estimates.json")
  get=$(median_ns "$estimates/get/new/estimates.json")
  call_ratios+=("$(ratio_of "$call" "$raw")")
  get_ratios+=("$(ratio_of "$get" "$raw")")
  alternating_call+=("$(sed -n 's/.*call ratio \([0-9.]*\),.*/\1/p' "$log")")
  alternating_get+=("$(sed -n 's/.*get ratio \([0-9.]*\)$/\1/p' "$log")")
  printf 'run %d: criterion median raw %s us, call %s us (ratio %s), get %s us (ratio %s); %s\n' \
    "$run" "$(us "$raw")" "$(us "$call")" "$(ratio_of "$call" "$raw")" \
    "$(us "$get")" "$(ratio_of "$get" "$raw")" "$(grep '^alternating' "$log")"
  rm -f "$log"
done

median_of() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "median over $runs run(s): call: alternating ratio $(median_of "${alternating_call[@]}"), criterion $(median_of "${call_ratios[@]}"); get: alternating ratio $(median_of "${alternating_get[@]}"), criterion $(median_of "${get_ratios[@]}") (budget 1.05)"
