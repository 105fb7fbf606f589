#!/usr/bin/env bash
# Benchmark: the whole public Sigma corpus (../shared/corpus/sigma/rules, 3,141 rules) compiled to
# the four Elastic targets (lucene, eql, esql, dsl) in ONE invocation of the CLI, wall-clock time
# including JVM start. Goal: under 3 s (pySigma takes about 10 s per target).
# Usage: scripts/bench-elastic.sh [runs]   (builds the jar first if it is missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/../shared/corpus/sigma/rules"
runs="${1:-5}"
if [ ! -d "$corpus" ]; then
  echo "bench-elastic: $corpus is missing (clone ../shared beside this repository)" >&2
  exit 2
fi
# Through the launcher, as a user runs it (its CDS archive included); it builds the jar and the
# archive on first use, outside the timing.
"$root/detectc" --version >/dev/null
best=""
all=()
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  # Exit code 2 is expected: some corpus rules are refused by some targets (typed errors).
  "$root/detectc" compile --target lucene,eql,esql,dsl --profile ecs \
    --format jsonl "$corpus" > /tmp/bench-elastic.jsonl 2> /tmp/bench-elastic.err || [ $? -eq 2 ]
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  echo "run $run: ${ms} ms"
  all+=("$ms")
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
median=$(printf '%s\n' "${all[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median of $runs: ${median} ms; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
lines=$(wc -l < /tmp/bench-elastic.jsonl)
queries=$(grep -c '"query"' /tmp/bench-elastic.jsonl || true)
echo "best of $runs: ${best} ms for $lines results ($queries queries) over 4 targets"
grep '^compiled' /tmp/bench-elastic.err || true
