#!/usr/bin/env bash
# The benchmarks: they print figures and assert nothing about time. Each runs on a throwaway store.
# Usage: scripts/bench.sh scoring-core [--responses N] [--communes N] [--clients N]
#        scripts/bench.sh bot [--channel connector|directline] [--users N] [--seconds N] [--warmup N]
#        scripts/bench.sh assistant [--rounds N]
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
source "$REPO/scripts/lib.sh"
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null' EXIT

which=${1:-}
shift || true
build() { dotnet build "$REPO/$1" -c Release -v quiet -nologo >/dev/null; }
case "$which" in
  scoring-core)
    build tests/ScoringCore.Benchmark
    start_throwaway_store
    dotnet "$REPO/tests/ScoringCore.Benchmark/bin/Release/net10.0/ScoringCore.Benchmark.dll" \
      --redis "127.0.0.1:$STORE_PORT" --core "$REPO/src/ScoringCore/bin/Release/net10.0/ScoringCore.dll" "$@"
    ;;
  bot)
    build tests/Bot.Benchmark
    start_throwaway_store
    dotnet "$REPO/tests/Bot.Benchmark/bin/Release/net10.0/Bot.Benchmark.dll" --redis "127.0.0.1:$STORE_PORT" "$@"
    ;;
  assistant)
    # In process, no store: the index, the offline answers, and the model path against a loopback fake.
    build tests/Bot.Benchmark
    dotnet "$REPO/tests/Bot.Benchmark/bin/Release/net10.0/Bot.Benchmark.dll" assistant "$@"
    ;;
  *)
    echo "usage: scripts/bench.sh scoring-core|bot|assistant [options]" >&2
    exit 2
    ;;
esac
