#!/usr/bin/env bash
# The benchmarks: they print figures and assert nothing about time. Each runs on a throwaway store:
# one redis-server (or Garnet), or with BENCH_STORE=cluster a 3-primary, 3-replica Redis Cluster,
# where confirmed forms wait for one replica (Redis:ReplicaAcks=1), as a province would run it.
# Usage: scripts/bench.sh scoring-core [--responses N] [--communes N] [--clients N]
#        scripts/bench.sh bot [--channel connector|directline] [--users N] [--seconds N] [--warmup N]
#        scripts/bench.sh assistant [--rounds N]
#        scripts/bench.sh answer-path [--why]   (the files whose code one citizen answer runs)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
source "$REPO/scripts/lib.sh"
SERVER_PID=""
CLUSTER_PIDS=()
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; [ "${#CLUSTER_PIDS[@]}" -gt 0 ] && kill "${CLUSTER_PIDS[@]}" 2>/dev/null' EXIT

# Sets STORE: the connection string of the throwaway store the run uses.
start_store() {
  if [ "${BENCH_STORE:-}" = "cluster" ]; then
    start_redis_cluster || { echo "Could not start a Redis Cluster (redis-server and redis-cli needed)." >&2; exit 1; }
    STORE=$STORE_ENDPOINTS
    export Redis__ReplicaAcks=1
  else
    start_throwaway_store
    STORE="127.0.0.1:$STORE_PORT"
  fi
}

which=${1:-}
shift || true
build() { dotnet build "$REPO/$1" -c Release -v quiet -nologo >/dev/null; }
case "$which" in
  scoring-core)
    build tests/ScoringCore.Benchmark
    start_store
    dotnet "$REPO/tests/ScoringCore.Benchmark/bin/Release/net10.0/ScoringCore.Benchmark.dll" \
      --redis "$STORE" --core "$REPO/src/ScoringCore/bin/Release/net10.0/ScoringCore.dll" "$@"
    ;;
  bot)
    build tests/Bot.Benchmark
    start_store
    dotnet "$REPO/tests/Bot.Benchmark/bin/Release/net10.0/Bot.Benchmark.dll" --redis "$STORE" "$@"
    ;;
  assistant)
    # In process, no store: the index, the offline answers, and the model path against a loopback fake.
    build tests/Bot.Benchmark
    dotnet "$REPO/tests/Bot.Benchmark/bin/Release/net10.0/Bot.Benchmark.dll" assistant "$@"
    ;;
  answer-path)
    # Three fresh processes on one store and key prefix (see tests/Bot.Benchmark/AnswerPath.cs):
    # the survey walked to its last question, then the last answer and a control run, each under
    # the runtime's JIT summary, whose methods CodeMetrics maps to their files.
    build tests/Bot.Benchmark
    start_store
    prefix="answerpath:$RANDOM$RANDOM:"
    summaries=$(mktemp -d)
    run() { dotnet "$REPO/tests/Bot.Benchmark/bin/Release/net10.0/Bot.Benchmark.dll" answer-path "$1" --redis "$STORE" --prefix "$prefix" 2>&1 | grep -v -E '^(info|warn):|^      '; }
    run seed
    for phase in answer control; do
      DOTNET_JitDisasmSummary=1 DOTNET_JitStdOutFile="$summaries/$phase.txt" run "$phase"
      label="the answer"
      [ "$phase" = control ] && label="the control run (the same wait, no answer)"
      dotnet run --project "$REPO/scripts/CodeMetrics" -c Release -- "$REPO" --jit "$summaries/$phase.txt" --jit-only "$@" | sed "s/^Files whose code ran for one citizen answer/In $label, files whose code ran/"
    done
    rm -rf "$summaries"
    ;;
  *)
    echo "usage: scripts/bench.sh scoring-core|bot|assistant|answer-path [options]" >&2
    exit 2
    ;;
esac
