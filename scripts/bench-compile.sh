#!/usr/bin/env bash
# Benchmark: compile the whole Sigma corpus to KQL in one invocation, JVM start included.
# Usage: scripts/bench-compile.sh [RUNS] [extra compile arguments...]
# Prints the wall time, CPU time (user + system) and peak memory of each run, then the median
# wall time. Goal: under 2 s wall on an otherwise idle machine (check the load average printed
# at the end: on a busy 2-core machine wall time mostly measures the other processes).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
shift || true
corpus="$root/../shared/corpus/sigma/rules"
[ -d "$corpus" ] || { echo "bench-compile: $corpus is missing" >&2; exit 2; }
"$root/detectc" --version >/dev/null   # builds the jar first if needed, outside the timing
times=()
for i in $(seq "$runs"); do
  stats="$(mktemp)"
  /usr/bin/time -o "$stats" -f '%e %U %S %M' "$root/detectc" compile "$corpus" --target kql "$@" >/dev/null 2>/dev/null || true
  read -r wall user sys kb < "$stats"
  rm -f "$stats"
  echo "run $i: ${wall} s wall, $(awk -v u="$user" -v s="$sys" "BEGIN { print u + s }") s CPU, $((kb / 1024)) MB peak"
  times+=("$wall")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " s wall over " NR " runs"}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
