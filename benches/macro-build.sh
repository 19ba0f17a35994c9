#!/usr/bin/env bash
# Build cost of the proc-macro crate: a clean `cargo build` of zoom-scopes-macros with all its
# dependencies, against a generated minimal proc-macro crate that depends on proc-macro2, quote
# and syn alone: proc-macro2 and quote with the versions and features of zoom-scopes-macros-core,
# the library the macro crate is a shell over (read from cargo metadata), and syn as the
# workspace declares it (the `syn` line of the root Cargo.toml's [workspace.dependencies]; the
# macro crate does not depend on syn, the CLI does).
# Each run starts from an empty target directory, offline, in the dev profile; the two crates
# alternate so machine noise hits both alike. Prints the medians and their ratio.
#
# Two ways to build are measured. "registry" is how a user builds zoom-scopes-macros: Cargo
# compiles crates.io dependencies without incremental compilation, which is emulated here with
# CARGO_INCREMENTAL=0 for both crates. "path" is a build from this checkout, where Cargo compiles
# workspace members (the tables, macros-core and the macros, not the baseline's dependencies) with
# incremental compilation, which costs extra on a clean build. The budget applies to "registry".
#
# Also checks that zoom-scopes-macros's normal dependency tree holds no HTTP stack (the macro
# crate is built by every user of zoom-scopes, whichever client they use) and no syn.
#
#   benches/macro-build.sh [RUNS=5]
# Exits 1 when the dependency check fails, or when the ratio is over BUDGET (default 1.35).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
budget=${BUDGET:-1.35}
work="$root/target/bench/macro-build"
command -v jq >/dev/null || { echo "macro-build.sh needs jq" >&2; exit 2; }
cd "$root"
. "$root/benches/common.sh"

echo "--- dependency tree of zoom-scopes-macros (normal edges)"
tree=$(cargo tree -p zoom-scopes-macros -e normal --offline --prefix none)
http=$(echo "$tree" | grep -E '^(reqwest|hyper|hyper-util|tokio|h2|http) ' || true)
if [ -n "$http" ]; then
  echo "FAIL: the macro crate depends on an HTTP stack:"; echo "$http" | sort -u
  exit 1
fi
if echo "$tree" | grep -qE '^syn '; then
  echo "FAIL: the macro crate depends on syn again:"; echo "$tree" | grep -E '^syn ' | sort -u
  exit 1
fi
echo "ok: no reqwest, hyper, h2, http, tokio or syn among $(echo "$tree" | sort -u | wc -l) crates"

# The baseline: a proc-macro crate with macros-core's proc-macro2/quote dependency lines and the
# workspace's syn line.
rm -rf "$work/baseline"
mkdir -p "$work/baseline/src"
deps=$(cargo metadata --format-version 1 --offline --no-deps |
  jq -r '.packages[] | select(.name == "zoom-scopes-macros-core") | .dependencies[]
    | select(.kind == null and (.name == "proc-macro2" or .name == "quote"))
    | "\(.name) = { version = \"\(.req)\", default-features = \(.uses_default_features), features = \(.features | tojson) }"')
[ "$(echo "$deps" | wc -l)" = 2 ] || { echo "expected proc-macro2 and quote in zoom-scopes-macros-core" >&2; exit 2; }
syn=$(sed -n '/^\[workspace\.dependencies\]/,/^\[/p' "$root/Cargo.toml" | grep -E '^syn = ' || true)
[ "$(echo "$syn" | grep -c .)" = 1 ] || { echo "expected one syn line in [workspace.dependencies]" >&2; exit 2; }
deps="$deps
$syn"
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

# Clean build of one variant in one mode; prints milliseconds.
build() {
  local target="$work/target-$1-$2"
  local incremental=0
  [ "$2" = path ] && incremental=1
  rm -rf "$target"
  local start
  start=$(now)
  case $1 in
    macros)
      CARGO_INCREMENTAL=$incremental cargo build -q --offline --locked -p zoom-scopes-macros \
        --target-dir "$target" ;;
    baseline)
      (cd "$work/baseline" && CARGO_INCREMENTAL=$incremental cargo build -q --offline \
        --target-dir "$target") ;;
  esac
  echo $(( ($(now) - start) / 1000000 ))
}

declare -A times
for ((r = 0; r < runs; r++)); do
  for mode in registry path; do
    for v in macros baseline; do
      times[$v-$mode]+="$(build $v $mode) "
    done
  done
done
rm -rf "$work"/target-*

echo "--- clean cargo build (dev profile, offline), $runs runs each, alternating (ms):"
status=0
for mode in registry path; do
  m=$(echo "${times[macros-$mode]}" | median)
  b=$(echo "${times[baseline-$mode]}" | median)
  printf '  %-8s %-20s median %6s   runs: %s\n' "$mode" zoom-scopes-macros "$m" "${times[macros-$mode]}"
  printf '  %-8s %-20s median %6s   runs: %s\n' "$mode" "syn+quote+pm2 only" "$b" "${times[baseline-$mode]}"
  if [ $mode = registry ]; then
    awk -v m="$m" -v b="$b" -v budget="$budget" 'BEGIN {
      r = m / b
      printf "  registry ratio: %.2f (budget <= %s): %s\n", r, budget, (r <= budget) ? "pass" : "MISS"
      exit (r <= budget) ? 0 : 1 }' || status=1
  else
    awk -v m="$m" -v b="$b" 'BEGIN { printf "  path ratio: %.2f\n", m / b }'
  fi
done
exit $status
