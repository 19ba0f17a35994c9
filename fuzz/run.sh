#!/usr/bin/env bash
# Seeds the corpora from the embedded catalogue (first run only) and fuzzes each named target
# (all five by default) for SECONDS, one after another, at the lowest CPU priority.
# Builds with the stable toolchain: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags.
# Crashes land in fuzz/artifacts/<target>/; libFuzzer's closing statistics are printed.
#
#   fuzz/run.sh [SECONDS=600] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(catalogue_parse scope_parse title_resolve macro_args manifest_read)
export RUSTC_BOOTSTRAP=1

if [ ! -d corpus ]; then
  cargo run -q --manifest-path ../Cargo.toml -p zoom-scopes-catalogue --example fuzz_seeds -- corpus
fi
for target in "${targets[@]}"; do
  echo "--- $target, ${seconds}s"
  nice -n 19 cargo fuzz run -s none -a --features libfuzzer "$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 -timeout=10
done
