#!/usr/bin/env bash
# Benchmark: compile the whole public Sigma corpus (../shared/corpus/sigma/rules) to SPL with
# profile none, through the launcher, JVM start included. Prints the median wall time and CPU
# time of RUNS runs and the peak RSS; the goal is under 2 s wall on the 2-core project machine
# (pySigma's Splunk backend takes about 9 s). CPU time is printed too because wall time on a
# machine shared with other builds says little.
# Usage: scripts/bench-spl.sh [RUNS] [CORPUS] [PROFILE]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
corpus="${2:-$root/../shared/corpus/sigma/rules}"
profile="${3:-none}"
[ -d "$corpus" ] || { echo "bench-spl: no corpus at $corpus" >&2; exit 3; }
rules=$(find "$corpus" -name '*.yml' | wc -l)

"$root/detectc" --version >/dev/null   # build the jar and its start-up archive outside the timing
walls=()
cpus=()
stats=$(mktemp)
for _ in $(seq "$runs"); do
  /usr/bin/time -o "$stats" -f '%e %U %S %M' "$root/detectc" compile --target spl --profile "$profile" "$corpus" \
    >/dev/null 2>&1 || { echo "bench-spl: compile failed" >&2; exit 1; }
  read -r wall user sys peak < <(tail -1 "$stats")
  walls+=("$wall")
  cpus+=("$(echo "$user + $sys" | bc -l)")
done
rm -f "$stats"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall=$(median "${walls[@]}")
cpu=$(median "${cpus[@]}")
printf 'compile --target spl --profile %s: %d rules, median of %d runs %.2f s wall (JVM start included), %.2f s CPU, %.0f rules/s, peak RSS %d MiB, load average %s\n' \
  "$profile" "$rules" "$runs" "$wall" "$cpu" "$(echo "$rules / $wall" | bc -l)" "$((peak / 1024))" "$(cut -d' ' -f1 /proc/loadavg)"
