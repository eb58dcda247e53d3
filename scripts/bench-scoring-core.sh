#!/usr/bin/env bash
# Benchmark of the scoring core (issue #2): prints figures, asserts nothing about time.
# Usage: scripts/bench-scoring-core.sh [--responses N] [--communes N] [--clients N]
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
source "$REPO/scripts/lib.sh"
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null' EXIT

port=$(free_port)
if [ "${TEST_STORE:-}" != "garnet" ] && command -v redis-server >/dev/null 2>&1; then
  start_redis_server "$port"
else
  start_garnet "$port"
fi
wait_for_port "$port" 120

dotnet build "$REPO/tests/ScoringCore.Benchmark" -c Release -v quiet -nologo >/dev/null
dotnet "$REPO/tests/ScoringCore.Benchmark/bin/Release/net10.0/ScoringCore.Benchmark.dll" \
  --redis "127.0.0.1:$port" \
  --core "$REPO/src/ScoringCore/bin/Release/net10.0/ScoringCore.dll" "$@"
