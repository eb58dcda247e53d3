#!/usr/bin/env bash
# Runs every test against a throwaway Redis on a free port (Debian's redis-server when on PATH,
# otherwise Garnet; TEST_STORE=garnet forces Garnet), stops it, and ends with one line: "tests: N passed, N failed[, N skipped]".
set -uo pipefail
REPO=$(cd "$(dirname "$0")" && pwd)
source "$REPO/scripts/lib.sh"

SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null' EXIT

# The browser tests need Chromium, playwright-core and Web Chat's bundle; installed once, then quick.
"$REPO/tests/Browser/setup.sh" || { echo "Could not set up the browser tests (see above)." >&2; exit 1; }

start_throwaway_store || exit 1
export TEST_REDIS="127.0.0.1:$STORE_PORT"

results="$REPO/TestResults/$(date +%Y%m%d-%H%M%S)-$$"
dotnet test "$REPO/Bot.sln" --logger "trx" --results-directory "$results" "$@"
status=$?

# The counts come from the test runs' own reports (one .trx per test project).
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
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
