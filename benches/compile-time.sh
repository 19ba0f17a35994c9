#!/usr/bin/env bash
# Compile-time cost of #[requires_api]: incremental `cargo check` of a crate with N annotated
# functions against the same crate with an identity attribute macro in its place (the floor
# any attribute macro pays), with `doc_floor` (an attribute that only does what every
# expansion of #[requires_api] must: take the item apart and add one rustdoc line of the same
# length after its attributes) and without any attribute, after touching src/lib.rs.
# Runs alternate between the variants so machine noise hits both alike; prints medians and
# the ratio.
#
#   benches/compile-time.sh [FUNCTIONS=all] [RUNS=11]
# FUNCTIONS caps the count; by default every unambiguous title of the catalogue (1,373) has one.
set -euo pipefail
. "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-all}
[ "$n" = all ] && n=100000
runs=${2:-11}
work="$root/target/bench/compile-time"
variants=(requires_api identity doc_floor plain)
export CARGO_TARGET_DIR="$work/target"

# The identity attribute: a proc-macro crate that returns the item unchanged.
mkdir -p "$work/identity-macro/src"
cat > "$work/identity-macro/Cargo.toml" <<'TOML'
[package]
name = "identity-macro"
version = "0.0.0"
edition = "2021"
[lib]
proc-macro = true
TOML
cat > "$work/identity-macro/src/lib.rs" <<'RS'
use proc_macro::TokenStream;
#[proc_macro_attribute]
pub fn requires_api(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenTree};
#[proc_macro_attribute]
pub fn doc_floor(_args: TokenStream, item: TokenStream) -> TokenStream {
    let mut tokens: Vec<TokenTree> = item.into_iter().collect();
    let mut at = 0;
    while matches!(tokens.get(at), Some(TokenTree::Punct(p)) if p.as_char() == '#') { at += 2; }
    let doc = "\n **Zoom API:** \"Create a meeting\" (Meeting API), granted by `meeting:write`, `meeting:write:admin` or `meeting:master`.";
    let inner: TokenStream = [
        TokenTree::Ident(Ident::new("doc", Span::call_site())),
        TokenTree::Punct(Punct::new('=', Spacing::Alone)),
        TokenTree::Literal(Literal::string(doc)),
    ].into_iter().collect();
    let attr = [TokenTree::Punct(Punct::new('#', Spacing::Alone)), TokenTree::Group(Group::new(Delimiter::Bracket, inner))];
    tokens.splice(at..at, attr);
    tokens.into_iter().collect()
}
RS

for v in "${variants[@]}"; do
  mode=$([ "$v" = doc_floor ] && echo identity || echo "$v")
  cargo run -q --release -p zoom-scopes-catalogue --example bench_crate -- "$work/$v" "$n" "$mode"
  if [ "$v" = identity ] || [ "$v" = doc_floor ]; then
    macro=$([ "$v" = identity ] && echo requires_api || echo doc_floor)
    sed -i "s/zoom_scopes::requires_api/identity_macro::$macro/" "$work/$v/src/lib.rs"
    printf 'identity-macro = { path = "%s" }\n' "$work/identity-macro" >> "$work/$v/Cargo.toml"
    sed -i '/^\[workspace\]$/d' "$work/$v/Cargo.toml"; printf '\n[workspace]\n' >> "$work/$v/Cargo.toml"
  fi
  cp "$root/Cargo.lock" "$work/$v/Cargo.lock"
  (cd "$work/$v" && cargo check -q --offline)   # warm: dependencies and a first build
done

n=$(grep -c '^pub fn' "$work/plain/src/lib.rs")
declare -A times
time_checks "$runs" "$work" "${variants[@]}"

echo "cargo check after touching src/lib.rs, $n functions, $runs runs each (ms):"
report_medians 13 "${variants[@]}"
a=$(echo "${times[requires_api]}" | median); i=$(echo "${times[identity]}" | median)
d=$(echo "${times[doc_floor]}" | median); p=$(echo "${times[plain]}" | median)
awk -v a="$a" -v i="$i" -v d="$d" -v p="$p" 'BEGIN {
  printf "  ratio requires_api / identity:  %.2f\n  ratio doc_floor / identity:     %.2f\n", a / i, d / i
  printf "  ratio requires_api / doc_floor: %.2f\n  ratio requires_api / plain:     %.2f\n", a / d, a / p }'
