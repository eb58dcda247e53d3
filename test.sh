#!/usr/bin/env bash
# Runs every test in two passes and ends with one line: "tests: N passed, N failed[, N skipped]".
#  1. every test against a throwaway Redis on a free port (Debian's redis-server when on PATH,
#     otherwise Garnet; TEST_STORE=garnet forces Garnet);
#  2. the store, outbox, reliability, channel and scoring-core tests again on a real Redis Cluster
#     (3 primaries, 3 replicas, on loopback) that the tests start themselves.
# TEST_STORE=cluster runs only pass 2; TEST_STORE=single (or garnet) only pass 1.
set -uo pipefail
REPO=$(cd "$(dirname "$0")" && pwd)
source "$REPO/scripts/lib.sh"

SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null' EXIT

# The browser tests need Chromium, playwright-core and Web Chat's bundle; installed once, then quick.
"$REPO/tests/Browser/setup.sh" || { echo "Could not set up the browser tests (see above)." >&2; exit 1; }

results="$REPO/TestResults/$(date +%Y%m%d-%H%M%S)-$$"
# A test that hangs is stopped after 10 minutes and reported by name, instead of holding CI to its limit.
hang=(--blame-hang --blame-hang-timeout 10m --blame-hang-dump-type none)
status=0
if [ "${TEST_STORE:-}" != "cluster" ]; then
  start_throwaway_store || exit 1
  TEST_REDIS="127.0.0.1:$STORE_PORT" dotnet test "$REPO/Bot.sln" --logger "trx" --results-directory "$results/single" "${hang[@]}" "$@" || status=$?
  kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""
fi
if [ "${TEST_STORE:-}" != "single" ] && [ "${TEST_STORE:-}" != "garnet" ]; then
  echo "Again on a Redis Cluster: the store, outbox, reliability, channel and scoring-core tests."
  (unset TEST_REDIS; TEST_STORE=cluster dotnet test "$REPO/Bot.sln" --logger "trx" --results-directory "$results/cluster" "${hang[@]}" \
    --filter "Store=Cluster|FullyQualifiedName~ScoringCore.Tests." "$@") || status=$?
fi

# The counts come from the test runs' own reports (one .trx per test project).
passed=0; failed=0; skipped=0
for trx in "$results"/*/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$(( passed + $(get passed) ))
  failed=$(( failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted) ))
  skipped=$(( skipped + $(get notExecuted) ))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test failed before all tests ran (a build error?); see above." >&2
fi
line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
if [ "$status" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
