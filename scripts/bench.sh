#!/usr/bin/env bash
# Benchmark: validate the whole public Sigma corpus (../shared/corpus/sigma/rules) with the
# launcher, JVM start included, and print the median wall time and rules/second.
# Usage: scripts/bench.sh [RUNS] [CORPUS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
corpus="${2:-$root/../shared/corpus/sigma/rules}"
[ -d "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 3; }
rules=$(find "$corpus" -name '*.yml' | wc -l)

"$root/detectc" --version >/dev/null   # build the jar and its start-up archive outside the timing
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  "$root/detectc" validate "$corpus" >/dev/null 2>&1 || { echo "bench: validate failed" >&2; exit 1; }
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc -l)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
stats=$(mktemp)
/usr/bin/time -o "$stats" -f '%M' "$root/detectc" validate "$corpus" >/dev/null 2>&1
peak=$(tail -1 "$stats"); rm -f "$stats"
printf 'validate: %d rules, median of %d runs %.2f s wall (JVM start included), %.0f rules/s, peak RSS %d MiB\n' \
  "$rules" "$runs" "$median" "$(echo "$rules / $median" | bc -l)" "$((peak / 1024))"
