#!/usr/bin/env bash
# What an editor shows: runs rust-analyzer's `diagnostics` command (its own analysis, what an
# editor shows as you type) on the fixture crates in scripts/editor-fixtures/, one per kind of
# error, and checks that each of the macros' errors is where `cargo check` reports it: rustc's
# position, and rust-analyzer's range starting at the expected place and containing rustc's
# position, each with the expected message. Prints one row per expected diagnostic and exits 1
# unless every row passes and rust-analyzer reports no other error in the fixtures. Not part of
# .ci/run: it builds rust-analyzer, 10 to 25 minutes, the first time.
#
#   scripts/editor-diagnostics.sh [FIXTURE...]      (default: every fixture in EXPECTED)
#
# rust-analyzer: $RUST_ANALYZER if set, else the version pinned below, installed from crates.io
# with `cargo +nightly install ra_ap_rust-analyzer` (it needs a newer rustc than stable) into a
# root of its own, $RA_ROOT: ~/.cargo/bin/rust-analyzer is usually rustup's proxy. The standard
# library's sources (rustup's rust-src) are added if missing: rust-analyzer reads std from them.
# Builds go to $CARGO_TARGET_DIR/editor-fixtures (default target/editor-fixtures), the tools'
# whole outputs to its diagnostics/ directory. Each fixture gets a copy of the workspace's
# Cargo.lock (git-ignored), to build the versions the workspace does.
set -euo pipefail
export CARGO_TERM_COLOR=never
root=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$root/scripts/editor-fixtures"

RA_VERSION=0.0.349
RA_ROOT=${RA_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/zoom-scopes/rust-analyzer-$RA_VERSION}

# One line per expected diagnostic: FIXTURE|FILE|CARGO AT|RUST-ANALYZER RANGE|CARGO TEXT|RUST-ANALYZER TEXT
# - CARGO AT, LINE:COLUMN: where `cargo check` reports the error (1-based, as rustc prints it).
# - RUST-ANALYZER RANGE, LINE:COLUMN-LINE:COLUMN: the range rust-analyzer reports, converted to
#   1-based and inclusive (its first and last character); it must contain CARGO AT.
# - Each TEXT is a substring of the message's first line. rust-analyzer's may differ from
#   rustc's: in typed mode it ignores #[diagnostic::on_unimplemented] and names the trait.
EXPECTED=(
  # Crate-declared mode: each error is on the title literal, exactly (`#[requires_api(` ends at
  # column 15).
  'not-covered|src/lib.rs|4:16|4:16-4:30|"Get a meeting" (Meeting API) is not granted by the scopes declared|"Get a meeting" (Meeting API) is not granted by the scopes declared'
  'unknown-title|src/lib.rs|4:16|4:16-4:32|no Zoom API operation is titled "Crate a meeting"|no Zoom API operation is titled "Crate a meeting"'
  'ambiguous-title|src/lib.rs|4:16|4:16-4:30|"List meetings" is documented in 2 API groups with different scopes|"List meetings" is documented in 2 API groups with different scopes'
  # Manifest errors: on the title literal of the annotation that read the manifest.
  'unknown-scope|src/lib.rs|4:16|4:16-4:33|unknown Zoom scope "meeting:wirte"|unknown Zoom scope "meeting:wirte"'
  'missing-metadata|src/lib.rs|4:16|4:16-4:33|Cargo.toml declares no Zoom scopes|Cargo.toml declares no Zoom scopes'
  # Typed mode, E0277 at the app's call `viewer.create_meeting("standup")` (line 27): rustc
  # points at the method name, rust-analyzer spans the whole call expression.
  'typed|src/lib.rs|27:12|27:5-27:36|error[E0277]: `Viewer` has no scope that grants "Create a meeting" (Meeting API)|the trait bound `Viewer: CreateAMeeting` is not satisfied'
)

# --- rust-analyzer and the standard library's sources ---------------------------------------
ra=${RUST_ANALYZER:-$RA_ROOT/bin/rust-analyzer}
if [ -z "${RUST_ANALYZER:-}" ] && [ ! -x "$ra" ]; then
  echo "--- installing rust-analyzer $RA_VERSION (ra_ap_rust-analyzer) into $RA_ROOT"
  nice -n 10 cargo +nightly install ra_ap_rust-analyzer --version "$RA_VERSION" --locked \
    --root "$RA_ROOT"
fi
"$ra" diagnostics --help >/dev/null 2>&1 || { echo "error: $ra has no working \`diagnostics\` command" >&2; exit 2; }
if command -v rustup >/dev/null 2>&1; then
  # The toolchain the fixtures build with: rust-analyzer's sysroot and proc-macro server too.
  toolchain=$(cd "$fixtures" && rustup show active-toolchain | cut -d' ' -f1)
  installed=$(rustup component list --installed --toolchain "$toolchain" 2>/dev/null || true)
  grep -q '^rust-src' <<<"$installed" || rustup component add rust-src --toolchain "$toolchain"
fi
if [ -n "${RUST_ANALYZER:-}" ]; then
  echo "rust-analyzer: $ra ($("$ra" --version))"
else # A crates.io build calls itself `rust-analyzer 0.0.0`.
  echo "rust-analyzer: ra_ap_rust-analyzer $RA_VERSION ($ra)"
fi
echo "rustc:         $(cd "$fixtures" && rustc --version)"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}/editor-fixtures"
# Each tool's whole output, kept for inspection until the next run.
work="$CARGO_TARGET_DIR/diagnostics"
rm -rf "$work"
mkdir -p "$work"

# --- the diagnostics, one "FILE:POSITION<TAB>MESSAGE" line each, 1-based ---------------------
# `cargo check --message-format=short` prints `src/lib.rs:4:16: error: MESSAGE`: 1-based line
# and column (in characters). A message's further lines follow unprefixed and are dropped.
cargo_errors() {
  sed -n -E 's/^([^ :]+):([0-9]+):([0-9]+): (error(\[E[0-9]+\])?: .*)$/\1:\2:\3\t\4/p' "$1"
}
# `rust-analyzer diagnostics` prints one diagnostic a line (further lines of the message follow,
# unprefixed, and are dropped), with the file's absolute path:
#   at crate C, file /abs/src/lib.rs: Error Ra("macro-error", Error) from LineCol { line: 3, col: 15 } to LineCol { line: 3, col: 30 }: MESSAGE
# Its LineCol is 0-BASED in both line and column, the column counting UTF-8 bytes (rustc's
# characters in these ASCII fixtures), and the end is exclusive: `line: 3, col: 15` to
# `line: 3, col: 30` is 1-based line 4, columns 16 to 30, written here `src/lib.rs:4:16-4:30`.
# Files outside the fixture (the path dependencies, which rust-analyzer also checks) keep their
# absolute paths.
ra_errors() {
  FIXTURE_DIR=$1 perl -ne '
    next unless /^at crate [^,]*, file (.*?): (\w+) (.*?) from LineCol \{ line: (\d+), col: (\d+) \} to LineCol \{ line: (\d+), col: (\d+) \}: (.*)$/;
    my ($file, $severity, $code, $msg) = ($1, $2, $3, $8);
    my $range = sprintf "%d:%d-%d:%d", $4 + 1, $5 + 1, $6 + 1, $7;
    $file =~ s/^\Q$ENV{FIXTURE_DIR}\E\///;
    print "$file:$range\t$severity $code: $msg\n";
  ' "$2"
}

# The first diagnostic at POSITION whose message contains TEXT, or nothing.
find_at() { awk -F'\t' -v at="$2" -v text="$3" '$1 == at && index($2, text) { print $2; exit }' "$1"; }
# Where the diagnostics whose message contains TEXT are, for a failure's report.
found_at() { awk -F'\t' -v text="$2" 'index($2, text) { print $1 }' "$1" | paste -sd' ' -; }
# Whether LINE:COLUMN lies in the inclusive range LINE:COLUMN-LINE:COLUMN.
in_range() {
  local l c l1 c1 l2 c2
  IFS=: read -r l c <<<"$1"
  IFS=':-' read -r l1 c1 l2 c2 <<<"$2"
  ((l > l1 || (l == l1 && c >= c1))) && ((l < l2 || (l == l2 && c <= c2)))
}
clip() { local s=$1; ((${#s} <= 150)) || s="${s:0:147}..."; printf '%s' "$s"; }

selected=("$@")
rows=()
failed=0
for line in "${EXPECTED[@]}"; do
  IFS='|' read -r fixture file cargo_at ra_range cargo_text ra_text <<<"$line"
  if ((${#selected[@]})) && [[ " ${selected[*]} " != *" $fixture "* ]]; then continue; fi
  dir="$fixtures/$fixture"
  out="$work/$fixture"
  if [ ! -e "$out.ra.tsv" ]; then
    cp "$root/Cargo.lock" "$dir/Cargo.lock"
    echo "--- $fixture: cargo check"
    # Fails by design. It also builds the dependencies and the proc macros rust-analyzer loads.
    (cd "$dir" && cargo check --quiet --message-format=short >"$out.cargo" 2>&1) || true
    echo "--- $fixture: rust-analyzer diagnostics"
    # Exits 1 when it finds an error, which is the point here; a run that did not get through is
    # caught by its missing closing line.
    (cd "$dir" && "$ra" diagnostics . >"$out.ra" 2>"$out.ra.stderr") || true
    if ! grep -q '^diagnostic scan complete' "$out.ra"; then
      echo "rust-analyzer did not complete on $fixture:" >&2
      cat "$out.ra" "$out.ra.stderr" >&2
      failed=1
    fi
    cargo_errors "$out.cargo" >"$out.cargo.tsv"
    ra_errors "$dir" "$out.ra" >"$out.ra.tsv"
  fi
  c=$(find_at "$out.cargo.tsv" "$file:$cargo_at" "$cargo_text")
  r=$(find_at "$out.ra.tsv" "$file:$ra_range" "$ra_text")
  result=PASS
  if [ -n "$c" ]; then cargo_cell="$file:$cargo_at"; else cargo_cell="MISSING, found at: $(found_at "$out.cargo.tsv" "$cargo_text")"; result=FAIL; fi
  if [ -n "$r" ]; then ra_cell="$file:$ra_range"; else ra_cell="MISSING, found at: $(found_at "$out.ra.tsv" "$ra_text")"; result=FAIL; fi
  if ! in_range "$cargo_at" "$ra_range"; then ra_cell+=" (does not contain $cargo_at)"; result=FAIL; fi
  [ "$result" = PASS ] || failed=1
  rows+=("$result|$fixture|$cargo_cell|$ra_cell|$(clip "$c")|$(clip "$r")")
done

echo
echo "Positions are 1-based LINE:COLUMN; rust-analyzer's range is inclusive."
printf '%-6s  %-16s  %-22s  %s\n' result fixture 'cargo check at' 'rust-analyzer range'
for row in "${rows[@]}"; do
  IFS='|' read -r result fixture cargo_cell ra_cell c r <<<"$row"
  printf '%-6s  %-16s  %-22s  %s\n' "$result" "$fixture" "$cargo_cell" "$ra_cell"
  [ -z "$c" ] || printf '        cargo check:   %s\n' "$c"
  [ -z "$r" ] || printf '        rust-analyzer: %s\n' "$r"
done

# Any other error rust-analyzer reports in a fixture's own files fails the run: the editor
# shows the macros' errors and nothing else.
extra=0
for tsv in "$work"/*.ra.tsv; do
  [ -e "$tsv" ] || continue
  fixture=$(basename "$tsv" .ra.tsv)
  while IFS=$'\t' read -r at msg; do
    [[ $msg == Error* && $at != /* ]] || continue
    known=0
    for line in "${EXPECTED[@]}"; do
      IFS='|' read -r f file _ ra_range _ ra_text <<<"$line"
      [[ $f == "$fixture" && $at == "$file:$ra_range" && $msg == *"$ra_text"* ]] && known=1
    done
    if ((!known)); then
      ((extra++)) || echo
      echo "UNEXPECTED rust-analyzer error in $fixture: $at $(clip "$msg")"
    fi
  done <"$tsv"
done
((extra == 0)) || failed=1

passed=0
for row in "${rows[@]}"; do [[ $row != PASS* ]] || passed=$((passed + 1)); done
echo
echo "editor diagnostics: $passed of ${#rows[@]} passed, $extra unexpected error(s) (outputs in $work)"
exit "$failed"
