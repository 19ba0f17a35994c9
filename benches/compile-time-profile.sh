#!/usr/bin/env bash
# Instruction counts behind benches/compile-time.sh: runs the `rustc` of each generated crate's
# incremental `cargo check` under callgrind. Counts do not depend on what else the machine is
# doing, so the ratios are repeatable where timings on a shared machine are not. Also lists
# where the requires_api crate's extra instructions go (the proc macro's own functions).
#
#   benches/compile-time-profile.sh [FUNCTIONS=all]
# Needs valgrind. Run after (or it runs) benches/compile-time.sh FUNCTIONS 1 to generate the crates.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-all}
work="$root/target/bench/compile-time"
export CARGO_TARGET_DIR="$work/target"
"$root/benches/compile-time.sh" "$n" 1 >/dev/null
n=$(grep -c '^pub fn' "$work/plain/src/lib.rs")
echo "$n functions:"

declare -A ir
for v in requires_api identity doc_floor plain; do
  dir="$work/$v"
  touch "$dir/src/lib.rs"
  # The exact rustc invocation Cargo makes for the crate (its last "Running" line).
  cmd=$(cd "$dir" && cargo check -v --offline 2>&1 | grep 'Running `' | tail -1 |
    sed -e 's/^ *Running `//' -e 's/`$//')
  out="$work/$v.callgrind"
  (cd "$dir" && eval "CARGO_MANIFEST_DIR='$dir' CARGO_PKG_NAME='bench-$v' \
    valgrind --tool=callgrind --callgrind-out-file='$out' $cmd" >/dev/null 2>&1)
  ir[$v]=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  printf '  %-13s %15s instructions\n' "$v" "${ir[$v]}"
done
awk -v a="${ir[requires_api]}" -v i="${ir[identity]}" -v d="${ir[doc_floor]}" -v p="${ir[plain]}" 'BEGIN {
  printf "  ratio requires_api / identity:  %.3f\n  ratio doc_floor / identity:     %.3f\n", a / i, d / i
  printf "  ratio requires_api / doc_floor: %.3f\n  ratio requires_api / plain:     %.3f\n", a / d, a / p
  printf "  extra per function over identity: %.0f instructions\n", (a - i) / '"$n"' }'
echo "requires_api: heaviest functions of the proc macro (inclusive):"
callgrind_annotate --inclusive=yes "$work/requires_api.callgrind" 2>/dev/null |
  grep -E 'zoom_scopes_(macros|catalogue)' | head -25
