#!/usr/bin/env bash
# Runs the Criterion micro-benchmarks RUNS times and checks their budgets on the median, over
# the runs, of each benchmark's median:
#   covers                ScopeSet::covers vs HashSet<String>, every catalogue operation  >= 20x
#   parse_scope_field_50  a 50-scope token field: ScopeSet (FromStr, parse_lenient) vs
#                         HashSet<String> split                                            >= 2x
#   covers_one            the same for one operation                                      >= 20x
#   title_lookup_*        runtime Operation::find/titled, the tables' OperationId::find and
#                         macros-core's resolve::operation                         <= 1 us each
# and prints, without a budget, the error path: resolving an unknown title with suggestions.
# Both sides of each ratio are in one Criterion group, so they run side by side.
#
#   benches/micro.sh [RUNS=3]
# Exits 1 when a budget is missed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
command -v jq >/dev/null || { echo "micro.sh needs jq" >&2; exit 2; }
cd "$root"
results="$root/target/criterion"
all=$(mktemp)
trap 'rm -f "$all"' EXIT
rm -rf "$results"   # only this run's benchmarks

log="$root/target/bench/micro.log"
mkdir -p "$(dirname "$log")"
bench() {
  cargo bench -q --locked "$@" -- --warm-up-time 1 --measurement-time 3 --noplot >"$log" 2>&1 ||
    { cat "$log" >&2; exit 2; }
}

for ((r = 0; r < runs; r++)); do
  bench -p zoom-scopes --bench scope_set
  bench -p zoom-scopes --bench lookup
  bench -p zoom-scopes-macros-core --bench lookup
  # One line per benchmark: its full id and the median of its samples, in nanoseconds.
  find "$results" -path '*/new/benchmark.json' | while read -r meta; do
    id=$(jq -r .full_id "$meta")
    median=$(jq -r .median.point_estimate "$(dirname "$meta")/estimates.json")
    printf '%s\t%s\n' "$id" "$median"
  done >> "$all"
done

# The median over the runs of each benchmark's median.
medians=$(sort -t$'\t' -k1,1 -k2,2g "$all" | awk -F'\t' '
  { v[$1] = v[$1] " " $2; n[$1]++ }
  END { for (id in v) { split(substr(v[id], 2), a, " "); k = n[id];
        m = (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2; printf "%s\t%s\n", id, m } }' | sort)
get() { echo "$medians" | awk -F'\t' -v id="$1" '$1 == id { print $2 }'; }

fail=0
# ratio SLOW FAST BUDGET: the times of two benchmarks of one group; the fast side must be at
# least BUDGET times faster.
ratio() {
  local slow fast
  slow=$(get "$1"); fast=$(get "$2")
  awk -v s="$slow" -v f="$fast" -v b="$3" -v a="$2" -v z="$1" 'BEGIN {
    r = s / f; ok = r >= b
    printf "  %-50s %10.1f ns\n  %-50s %10.1f ns\n  ratio %.1fx (budget >= %sx): %s\n", a, f, z, s, r, b, ok ? "pass" : "MISS"
    exit !ok }' || fail=1
}
echo "medians of $runs runs (Criterion median of each run), $(nproc) cores, $(rustc --version)"
echo "--- covers, every catalogue operation (time per sweep)"
ratio "covers/HashSet<String> any granting name" "covers/ScopeSet::covers" 20
echo "--- covers, one call (\"Get a meeting\")"
ratio "covers_one/HashSet<String> any granting name" "covers_one/ScopeSet::covers" 20
echo "--- parse a 50-scope token field"
ratio "parse_scope_field_50/HashSet<String> split" "parse_scope_field_50/ScopeSet::from_str" 2
ratio "parse_scope_field_50/HashSet<String> split" "parse_scope_field_50/ScopeSet::parse_lenient" 2
echo "--- title lookup (budget <= 1000 ns median each)"
echo "$medians" | grep '^title_lookup_' | awk -F'\t' '
  { ok = $2 <= 1000; bad += !ok; printf "  %-75s %8.1f ns  %s\n", $1, $2, ok ? "pass" : "MISS" }
  END { exit bad > 0 }' || fail=1
echo "--- unknown title with suggestions (no budget)"
echo "$medians" | grep '^title_error_' | awk -F'\t' '{ printf "  %-75s %8.0f us\n", $1, $2 / 1000 }'
exit $fail
