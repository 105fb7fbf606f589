#!/usr/bin/env bash
# Measures detectc push's own overhead: pushes a rule set (default: the public Sigma corpus in
# ../shared), compiled by the lucene target (profile ecs) to a loopback Kibana emulator, or with
# TARGET spl by the spl target to a loopback Splunk emulator, three times (create, unchanged,
# dry run) and prints wall time, requests per second and peak heap per round, after timing the planning alone (no HTTP). A real SIEM adds its own latency. The figures
# include JIT warm-up (the first phase most) and depend on the machine's load: print `uptime`.
#   scripts/bench-push.sh [RULES_PATH] [HEAP] [TARGET]   e.g. scripts/bench-push.sh rules/det0877 256m spl
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
mvn -B -q -o test-compile >&2
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q -o -f compiler/pom.xml dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$classpath_file" >&2
classpath="compiler/target/test-classes:compiler/target/classes:$(cat "$classpath_file")"
uptime >&2
exec java -Xmx"${2:-512m}" -cp "$classpath" dev.detectc.cli.PushBench "${1:-../shared/corpus/sigma/rules}" "${3:-lucene}"
