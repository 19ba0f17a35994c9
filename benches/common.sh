# Helpers the timing scripts share; sourced, not run.

# Nanoseconds since the epoch.
now() { date +%s%N; }

# The median of the space- or line-separated numbers on stdin.
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# time_checks RUNS DIR VARIANT...: incremental `cargo check` of each crate DIR/VARIANT after
# touching its src/lib.rs, the variants alternating, RUNS rounds. Fills the associative array
# `times` (VARIANT -> "ms ms ..."), which the caller declares with `declare -A times`.
time_checks() {
  local runs=$1 dir=$2 r v start
  shift 2
  for ((r = 0; r < runs; r++)); do
    for v in "$@"; do
      touch "$dir/$v/src/lib.rs"
      start=$(now)
      (cd "$dir/$v" && cargo check -q --offline)
      times[$v]+="$(( ($(now) - start) / 1000000 )) "
    done
  done
}

# report_medians WIDTH VARIANT...: one line a variant, its median and every run (ms).
report_medians() {
  local width=$1 v
  shift
  for v in "$@"; do
    printf "  %-${width}s median %6s   runs: %s\n" "$v" "$(echo "${times[$v]}" | median)" "${times[$v]}"
  done
}
