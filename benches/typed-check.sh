#!/usr/bin/env bash
# Typed mode's cost on an app: incremental `cargo check` of an app crate whose app type
# declares the broadest scopes (every `:master` scope, so `#[app]` implements the most marker
# traits) against the same crate whose app type declares a single scope (`meeting:write`).
# Both call the same two functions of a typed SDK crate (tests/typed-sdk). Runs alternate;
# prints medians and the ratio.
#
#   benches/typed-check.sh [RUNS=11]
set -euo pipefail
. "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-11}
work="$root/target/bench/typed-check"
export CARGO_TARGET_DIR="$work/target"
variants=(broad single)

# Every documented :master scope, from the catalogue's data file.
master=$(grep -E '^[^ ]+:master$' "$root/catalogue/data/zoom-classic-scopes.txt" | sort -u |
  sed 's/.*/"&"/' | paste -sd, -)
declare -A scopes=([broad]="$master" [single]='"meeting:write"')

for v in "${variants[@]}"; do
  mkdir -p "$work/$v/src"
  cat > "$work/$v/Cargo.toml" <<TOML
[package]
name = "typed-$v"
version = "0.0.0"
edition = "2024"
publish = false
[dependencies]
zoom-scopes = { path = "$root/runtime", default-features = false }
typed-sdk = { path = "$root/tests/typed-sdk" }
[workspace]
TOML
  cat > "$work/$v/src/lib.rs" <<RS
use typed_sdk::{Zoom, delete_meeting};

#[zoom_scopes::app(${scopes[$v]})]
pub struct MyApp;

pub fn run(zoom: &Zoom<MyApp>) -> u64 {
    zoom.create_meeting("standup");
    delete_meeting(zoom, 1)
}
RS
  cp "$root/Cargo.lock" "$work/$v/Cargo.lock"
  (cd "$work/$v" && cargo check -q --offline)   # warm: dependencies and a first build
done
echo "broad app: $(echo "$master" | tr ',' '\n' | wc -l) :master scopes"

declare -A times
time_checks "$runs" "$work" "${variants[@]}"

echo "cargo check after touching src/lib.rs, $runs runs each (ms):"
report_medians 7 "${variants[@]}"
b=$(echo "${times[broad]}" | median); s=$(echo "${times[single]}" | median)
awk -v b="$b" -v s="$s" 'BEGIN { printf "  ratio broad / single: %.2f\n", b / s }'
