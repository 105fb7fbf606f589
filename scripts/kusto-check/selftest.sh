#!/usr/bin/env bash
# Self-test for check.js: good queries must pass, bad ones must fail with the
# expected diagnostic code, and literals mode must decode string tokens exactly.
# Needs the package installed: npm ci --prefix scripts/kusto-check
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

if [ ! -d node_modules/@kusto/language-service-next ]; then
  echo "selftest: node_modules missing; run: npm ci --prefix scripts/kusto-check" >&2
  exit 2
fi

# One case a line: id <TAB> expectation <TAB> input JSON.
# expectation: ok | err:<CODE> | lit:<JSON array of literal values>
cases=$(cat <<'EOF'
axfr	ok	{"id":"axfr","schema":"DnsEvents","query":"DnsEvents | where QueryType =~ \"AXFR\""}
axfr-in	ok	{"id":"axfr-in","schema":"sentinel","query":"DnsEvents | where QueryType in~ (\"AXFR\", \"252\") and EventId between (265 .. 276) | summarize c = count() by ClientIP, bin(TimeGenerated, 1h)"}
nxdomain	ok	{"id":"nxdomain","schema":"sentinel","query":"DnsEvents | where ResultCode == 3 | summarize Names = dcount(Name) by ClientIP, bin(TimeGenerated, 10m) | where Names > 50"}
imdns	ok	{"id":"imdns","schema":"sentinel","query":"_Im_Dns(starttime=ago(1h), responsecodename='NXDOMAIN') | summarize dcount(DnsQuery) by SrcIpAddr, DnsResponseCodeName"}
imdns-alias	ok	{"id":"imdns-alias","schema":"sentinel","query":"imDns(eventtype='*') | where DnsQueryTypeName in~ ('AXFR', 'IXFR') or DnsQueryType in (251, 252)"}
improc	ok	{"id":"improc","schema":"sentinel","query":"imProcessCreate | where TargetProcessName endswith @'\\nslookup.exe' and TargetProcessCommandLine has_any ('-type=any', '-q=axfr')"}
defender	ok	{"id":"defender","schema":"defender","query":"DeviceProcessEvents | where Timestamp > ago(1d) and FolderPath endswith @\"\\nslookup.exe\" and ProcessCommandLine matches regex @\"(?i)ls\\s+-d\""}
secevent	ok	{"id":"secevent","schema":"SecurityEvent","query":"SecurityEvent | where EventID == 4688 and NewProcessName endswith '\\\\dnscmd.exe'"}
open-ok	ok	{"id":"open-ok","schema":"open","query":"CommandLine contains \"x\" and Image endswith @\"\\a.exe\""}
open-num	ok	{"id":"open-num","schema":"open","query":"EventID > 4 and dns.question.name =~ 'example.com' and not(User in~ ('a', 'b'))"}
open-table	ok	{"id":"open-table","schema":"open:DeviceProcessEvents","query":"ProcessCommandLine contains 'axfr'"}
no-column	err:KS142	{"id":"no-column","schema":"DnsEvents","query":"DnsEvents | where NoSuchColumn == 1"}
no-table	err:KS204	{"id":"no-table","schema":"sentinel","query":"DnsEvnts | take 10"}
unterminated	err:KS001	{"id":"unterminated","schema":"DnsEvents","query":"DnsEvents | where Name == \"x"}
bad-escape	err:KS001	{"id":"bad-escape","schema":"DnsEvents","query":"DnsEvents | where Name == \"a\\qb\""}
tilde-int	err:KS106	{"id":"tilde-int","schema":"DnsEvents","query":"DnsEvents | where ResultCode =~ \"3\""}
in-tilde-int	err:KS107	{"id":"in-tilde-int","schema":"DnsEvents","query":"DnsEvents | where ResultCode in~ (\"3\")"}
imdns-arg	err:KS196	{"id":"imdns-arg","schema":"sentinel","query":"_Im_Dns(startime=ago(1h))"}
defender-path	err:KS142	{"id":"defender-path","schema":"defender","query":"DeviceEvents | where AdditionalFields.DnsQueryString == 'x'"}
keyword	err:KS228	{"id":"keyword","schema":"open","query":"title == 'x'"}
open-pipe	err:DC001	{"id":"open-pipe","schema":"open","query":"a == 1 | take 10"}
open-stmt	err:DC001	{"id":"open-stmt","schema":"open","query":"a == 1; print 1"}
open-comment	err:DC004	{"id":"open-comment","schema":"open","query":"a == 'x' // rest"}
open-paren	err:KS005	{"id":"open-paren","schema":"open","query":"(a == 1) or (b == 2"}
open-unbalanced	err:KS198	{"id":"open-unbalanced","schema":"open","query":"a == 1) or (b == 2"}
open-pinned	err:KS106	{"id":"open-pinned","schema":"open","query":"EventID =~ '4'","columns":{"EventID":"int"}}
scalar	err:DC005	{"id":"scalar","schema":"sentinel","query":"2.5"}
command	err:DC005	{"id":"command","schema":"sentinel","query":".show tables"}
batch	err:DC006	{"id":"batch","schema":"sentinel","query":"DnsEvents | take 1; SecurityEvent | take 1"}
unknown-schema	err:DC002	{"id":"unknown-schema","schema":"nope","query":"print 1"}
lit-escaped	lit:["x\\\"y"]	{"id":"lit-escaped","mode":"literals","query":"T | where a == \"x\\\\\\\"y\""}
lit-verbatim	lit:["c:\\dir\\a.exe","say \"hi\""]	{"id":"lit-verbatim","mode":"literals","query":"T | where a == @\"c:\\dir\\a.exe\" or a == @'say \"hi\"'"}
lit-adjacent	lit:["it","s"]	{"id":"lit-adjacent","mode":"literals","query":"T | where a == 'it''s'"}
lit-unicode	lit:["\u00e9A\t"]	{"id":"lit-unicode","mode":"literals","query":"T | where a == \"\\u00e9\\x41\\t\""}
EOF
)
# 600 nested parentheses: deeper than the binder's MaxAnalysisDepth (500).
open=$(printf '(%.0s' $(seq 600)); close=$(printf ')%.0s' $(seq 600))
cases+=$'\n'"depth	err:KS245	{\"id\":\"depth\",\"schema\":\"open\",\"query\":\"${open}a == 1${close}\"}"

inputs=$(printf '%s\n' "$cases" | cut -f3)
expects=$(printf '%s\n' "$cases" | cut -f1,2)
outputs=$(printf '%s\n' "$inputs" | node check.js)

EXPECTS="$expects" OUTPUTS="$outputs" node -e '
const expects = process.env.EXPECTS.split("\n").filter(Boolean).map((l) => l.split("\t"));
const outputs = process.env.OUTPUTS.split("\n").filter(Boolean).map((l) => JSON.parse(l));
let passed = 0, failed = 0;
if (outputs.length !== expects.length) {
  console.log("FAIL: " + expects.length + " cases but " + outputs.length + " results");
  failed++;
}
expects.forEach(([id, want], i) => {
  const got = outputs[i] || {};
  const codes = (got.errors || []).filter((e) => e.severity === "Error").map((e) => e.code);
  let ok;
  if (got.id !== id) ok = false;
  else if (want === "ok") ok = got.ok === true;
  else if (want.startsWith("err:")) ok = got.ok === false && codes.includes(want.slice(4));
  else if (want.startsWith("lit:")) ok = got.ok === true && JSON.stringify(got.literals) === JSON.stringify(JSON.parse(want.slice(4)));
  if (ok) passed++;
  else { failed++; console.log("FAIL " + id + ": want " + want + ", got " + JSON.stringify(got).slice(0, 400)); }
});
console.log(passed + " passed, " + failed + " failed");
process.exit(failed ? 1 : 0);
'
