# Helpers the timing scripts share; sourced, not run.

# Nanoseconds since the epoch.
now() { date +%s%N; }

# The median of the space- or line-separated numbers on stdin.
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
