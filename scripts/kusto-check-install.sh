#!/usr/bin/env bash
# Installs the Kusto checker's npm package (scripts/kusto-check) unless the installed copy already
# matches package-lock.json. Run by the Maven build before the tests. Without node or npm it
# warns and stops, so a machine without Node still builds (the KQL tests then skip), except under
# CI=true, where a missing checker must fail the build rather than hide the proof.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/scripts/kusto-check"
lock="$dir/package-lock.json"
installed="$dir/node_modules/.package-lock.json"

fail() {
  if [ "${CI:-}" = "true" ]; then
    echo "kusto-check: $1 (required under CI=true)" >&2
    exit 1
  fi
  echo "kusto-check: $1; the KQL parser tests will be skipped" >&2
  exit 0
}

command -v node >/dev/null 2>&1 || fail "node is not installed"
command -v npm >/dev/null 2>&1 || fail "npm is not installed"

# npm writes node_modules/.package-lock.json on install; the same package set means nothing to do.
if [ -f "$installed" ] && [ -d "$dir/node_modules/@kusto/language-service-next" ] && node -e '
  const fs = require("fs");
  const want = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).packages || {};
  const have = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).packages || {};
  for (const [name, spec] of Object.entries(want)) {
    if (name === "") continue;
    if (!have[name] || have[name].version !== spec.version || have[name].integrity !== spec.integrity) process.exit(1);
  }' "$lock" "$installed"; then
  exit 0
fi

echo "kusto-check: installing @kusto/language-service-next (npm ci)" >&2
npm ci --prefix "$dir" --no-audit --no-fund >&2 || fail "npm ci failed"
