#!/usr/bin/env bash
# Runs today's BadInputTest against an older commit (default: d907d91, the commit before the reliability
# work) and counts the bad inputs that misbehaved there: wrong exit code, more than one line, a stack trace,
# a message not naming the problem, partial output, or no answer within 120 s (the case then keeps running
# in a daemon thread while the others go on). RELIABILITY.md quotes its last line.
# Usage: benchmarks/reliability-baseline.sh [COMMIT]   (takes a few minutes; nothing in the work tree changes)
set -euo pipefail
cd "$(dirname "$0")/.."
commit=${1:-d907d91}
dir=$(mktemp -d /tmp/spinnet-baseline.XXXXXX)
git archive "$commit" | tar -x -C "$dir"
t=validation/src/test/java/dev/spinnet/validation/cli
cp "$t/BadInputTest.java" "$t/SyntheticData.java" "$dir/$t/"
# Record each failing case instead of stopping at the first one.
python3 - "$dir/$t/BadInputTest.java" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
s = s.replace("    private static void bad(String entry, String fragment, Path mustNotExist, String... args) {\n",
  "    private static void bad(String entry, String fragment, Path mustNotExist, String... args) {\n"
  "        Throwable[] failure = {null};\n"
  "        Thread t = new Thread(() -> { try { bad0(entry, fragment, mustNotExist, args); }\n"
  "                catch (Throwable e) { failure[0] = e; } });\n"
  "        t.setDaemon(true);\n"
  "        t.start();\n"
  "        try { t.join(120_000); } catch (InterruptedException e) { throw new IllegalStateException(e); }\n"
  "        if (t.isAlive()) { failure[0] = new AssertionError(String.join(\" \", args) + \" did not return within 120 s\"); }\n"
  "        if (failure[0] != null) {\n"
  "            TRIED.merge(entry, 1, Integer::sum);\n"
  "            System.out.println(\"MISBEHAVED [\" + entry + \"] \" + String.valueOf(failure[0].getMessage()).replace('\\n', ' '));\n"
  "        }\n    }\n\n"
  "    private static void bad0(String entry, String fragment, Path mustNotExist, String... args) {\n", 1)
open(p, 'w').write(s)
PY
(cd "$dir" && nice -n 10 mvn -q -o -pl validation -am test -Dtest=BadInputTest -Dsurefire.failIfNoSpecifiedTests=false \
  >"$dir/baseline.log" 2>&1) || true
grep -E '^MISBEHAVED' "$dir/baseline.log" || true
echo "baseline $commit: $(grep -c '^MISBEHAVED' "$dir/baseline.log" || true) misbehaving;" \
  "$(grep -E '^bad inputs tried' "$dir/baseline.log" | tail -1)"
rm -rf "$dir"
