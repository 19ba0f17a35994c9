#!/usr/bin/env bash
# Build cost of the proc-macro crate: a clean `cargo build` of zoom-scopes-macros with all its
# dependencies, against a generated proc-macro crate that depends on proc-macro2, quote and syn
# alone, with the same versions and features as zoom-scopes-macros (read from cargo metadata).
# Each run starts from an empty target directory, offline, in the dev profile; the two crates
# alternate so machine noise hits both alike. Prints the medians and their ratio.
#
# Also checks that zoom-scopes-macros's normal dependency tree holds no HTTP stack: the macro
# crate is built by every user of zoom-scopes, whichever client they use.
#
#   benches/macro-build.sh [RUNS=5]
# Exits 1 when the dependency check fails, or when the ratio is over BUDGET (default 1.3).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
budget=${BUDGET:-1.3}
work="$root/target/bench/macro-build"
command -v jq >/dev/null || { echo "macro-build.sh needs jq" >&2; exit 2; }
cd "$root"

echo "--- dependency tree of zoom-scopes-macros (normal edges)"
tree=$(cargo tree -p zoom-scopes-macros -e normal --offline --prefix none)
http=$(echo "$tree" | grep -E '^(reqwest|hyper|hyper-util|tokio|h2|http) ' || true)
if [ -n "$http" ]; then
  echo "FAIL: the macro crate depends on an HTTP stack:"; echo "$http" | sort -u
  exit 1
fi
echo "ok: no reqwest, hyper, h2, http or tokio among $(echo "$tree" | sort -u | wc -l) crates"

# The baseline: a proc-macro crate with the macro crate's proc-macro2/quote/syn dependency lines.
rm -rf "$work/baseline"
mkdir -p "$work/baseline/src"
deps=$(cargo metadata --format-version 1 --offline --no-deps |
  jq -r '.packages[] | select(.name == "zoom-scopes-macros") | .dependencies[]
    | select(.kind == null and (.name == "proc-macro2" or .name == "quote" or .name == "syn"))
    | "\(.name) = { version = \"\(.req)\", default-features = \(.uses_default_features), features = \(.features | tojson) }"')
[ "$(echo "$deps" | wc -l)" = 3 ] || { echo "expected proc-macro2, quote and syn in zoom-scopes-macros" >&2; exit 2; }
cat > "$work/baseline/Cargo.toml" <<TOML
[package]
name = "baseline-macro"
version = "0.0.0"
edition = "2024"
publish = false

[lib]
proc-macro = true

[dependencies]
$deps

[workspace]
TOML
# A function-like macro that parses its input with syn and quotes it back, so all three
# dependencies are used.
cat > "$work/baseline/src/lib.rs" <<'RS'
use proc_macro::TokenStream;

#[proc_macro]
pub fn echo(input: TokenStream) -> TokenStream {
    let lit = syn::parse_macro_input!(input as syn::LitStr);
    let value = lit.value();
    quote::quote!(#value).into()
}
RS
# Same dependency versions as the workspace.
cp "$root/Cargo.lock" "$work/baseline/Cargo.lock"
echo "--- baseline dependencies"
echo "$deps" | sed 's/^/  /'

now() { date +%s%N; }
# Clean build of one variant; prints milliseconds.
build() {
  local target="$work/target-$1"
  rm -rf "$target"
  local start
  start=$(now)
  case $1 in
    macros) cargo build -q --offline --locked -p zoom-scopes-macros --target-dir "$target" ;;
    baseline) (cd "$work/baseline" && cargo build -q --offline --target-dir "$target") ;;
  esac
  echo $(( ($(now) - start) / 1000000 ))
}

declare -A times
for ((r = 0; r < runs; r++)); do
  for v in macros baseline; do
    times[$v]+="$(build $v) "
  done
done
rm -rf "$work/target-macros" "$work/target-baseline"

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
m=$(echo "${times[macros]}" | median)
b=$(echo "${times[baseline]}" | median)
echo "--- clean cargo build (dev profile, offline), $runs runs each, alternating (ms):"
printf '  %-20s median %6s   runs: %s\n' zoom-scopes-macros "$m" "${times[macros]}"
printf '  %-20s median %6s   runs: %s\n' "syn+quote+pm2 only" "$b" "${times[baseline]}"
awk -v m="$m" -v b="$b" -v budget="$budget" 'BEGIN {
  r = m / b
  printf "  ratio: %.2f (budget <= %s): %s\n", r, budget, (r <= budget) ? "pass" : "MISS"
  exit (r <= budget) ? 0 : 1 }'
