#!/usr/bin/env bash
# Build cost of the `zoom-scopes` crate at two revisions (default: BEFORE=the given rev,
# AFTER=the working tree): the crate's own `cargo build` with its dependencies already built,
# and a clean build with all of them. Built without default features, so the comparison is of
# the scope types and generated code, not of the HTTP stack. Runs alternate; prints medians.
#
#   benches/runtime-build.sh BEFORE_REV [RUNS=5]
set -euo pipefail
. "$(dirname "$0")/common.sh"
root=$(cd "$(dirname "$0")/.." && pwd)
before_rev=${1:?usage: benches/runtime-build.sh BEFORE_REV [RUNS]}
runs=${2:-5}
work="$root/target/bench/runtime-build"
mkdir -p "$work"
rm -rf "$work/before"
git -C "$root" worktree prune
git -C "$root" worktree add -q --detach "$work/before" "$before_rev"
trap 'git -C "$root" worktree remove --force "$work/before"' EXIT
declare -A dirs=([before]="$work/before" [after]="$root")

build() { # variant, clean|crate
  local dir=${dirs[$1]} target="$work/target-$1"
  if [ "$2" = clean ]; then rm -rf "$target"; else CARGO_TARGET_DIR="$target" cargo clean -q -p zoom-scopes; fi
  local start
  start=$(now)
  (cd "$dir" && CARGO_TARGET_DIR="$target" cargo build -q --offline -p zoom-scopes --no-default-features)
  echo $(( ($(now) - start) / 1000000 ))
}
for v in before after; do build "$v" clean >/dev/null; done   # warm the registry cache

declare -A times
for ((r = 0; r < runs; r++)); do
  for v in before after; do
    times[$v-crate]+="$(build "$v" crate) "
    times[$v-clean]+="$(build "$v" clean) "
  done
done

echo "cargo build -p zoom-scopes --no-default-features, $runs runs each (ms), before = $before_rev:"
for k in before-crate after-crate before-clean after-clean; do
  printf '  %-13s median %6s   runs: %s\n' "$k" "$(echo "${times[$k]}" | median)" "${times[$k]}"
done
for kind in crate clean; do
  b=$(echo "${times[before-$kind]}" | median); a=$(echo "${times[after-$kind]}" | median)
  awk -v a="$a" -v b="$b" -v k="$kind" 'BEGIN { printf "  ratio after / before (%s): %.2f\n", k, a / b }'
done
