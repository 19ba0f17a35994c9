#!/usr/bin/env bash
# Per-request overhead of zoom_scopes::client::Client against a raw reqwest call to the same
# loopback endpoint (the mock's GET /v2/users/me, same token, same JSON decoding).
# Each run is one `cargo bench` of runtime/benches/client.rs: criterion measures both side by
# side, then an alternating loop times them in turn. Prints each run's criterion medians and
# ratio, the alternating ratio, and the median ratio over the runs. Budget: <= 1.05.
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
criterion_ratios=()
alternating_ratios=()
for run in $(seq 1 "$runs"); do
  log=$(mktemp)
  cargo bench -p zoom-scopes --bench client --quiet >"$log" 2>&1 || { cat "$log"; exit 1; }
  raw=$(median_ns "$estimates/raw_reqwest/new/estimates.json")
  client=$(median_ns "$estimates/client/new/estimates.json")
  ratio=$(awk -v c="$client" -v r="$raw" 'BEGIN { printf "%.3f", c / r }')
  alternating=$(sed -n 's/.*ratio \([0-9.]*\)$/\1/p' "$log")
  criterion_ratios+=("$ratio")
  alternating_ratios+=("$alternating")
  printf 'run %d: criterion median raw %.1f us, client %.1f us, ratio %s; %s\n' \
    "$run" "$(awk -v n="$raw" 'BEGIN { print n / 1000 }')" \
    "$(awk -v n="$client" 'BEGIN { print n / 1000 }')" "$ratio" \
    "$(grep '^alternating' "$log")"
  rm -f "$log"
done

median_of() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "median over $runs run(s): criterion ratio $(median_of "${criterion_ratios[@]}"), alternating ratio $(median_of "${alternating_ratios[@]}") (budget 1.05)"
