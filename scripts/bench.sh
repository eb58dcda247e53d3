#!/usr/bin/env bash
# The benchmarks: they print figures and assert nothing about time. Each runs on a throwaway store:
# one redis-server (or Garnet), or with BENCH_STORE=cluster a 3-primary, 3-replica Redis Cluster,
# where confirmed forms wait for one replica (Redis:ReplicaAcks=1), as a province would run it.
# With BENCH_STORE=aof, one redis-server that fsyncs every write to its AOF (appendfsync always),
# as a province running a single node should (README, "Failover").
# Usage: scripts/bench.sh scoring-core [--responses N] [--communes N] [--clients N]
#        scripts/bench.sh bot [--channel connector|directline] [--users N] [--seconds N] [--warmup N] [--allocation-types]
#        scripts/bench.sh assistant [--rounds N]
#        scripts/bench.sh answer-path [--why]   (the files whose code one citizen answer runs)
#        scripts/bench.sh bot-pairs OTHER_BENCHMARK_DLL [--channel C] [--pairs N] [--seconds N] [--warmup N]
#          (this checkout's bot and another build's, run at the same time, each on its own store)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
source "$REPO/scripts/lib.sh"
SERVER_PID=""
CLUSTER_PIDS=()
PAIR_PIDS=()
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; [ "${#CLUSTER_PIDS[@]}" -gt 0 ] && kill "${CLUSTER_PIDS[@]}" 2>/dev/null; [ "${#PAIR_PIDS[@]}" -gt 0 ] && kill "${PAIR_PIDS[@]}" 2>/dev/null' EXIT

# Sets STORE: the connection string of the throwaway store the run uses.
start_store() {
  if [ "${BENCH_STORE:-}" = "cluster" ]; then
    start_redis_cluster || { echo "Could not start a Redis Cluster (redis-server and redis-cli needed)." >&2; exit 1; }
    STORE=$STORE_ENDPOINTS
    export Redis__ReplicaAcks=1
  elif [ "${BENCH_STORE:-}" = "aof" ]; then
    start_aof_redis_server || { echo "Could not start redis-server with an AOF." >&2; exit 1; }
    STORE="127.0.0.1:$STORE_PORT"
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
  bot-pairs)
    # Two builds of the bot benchmark at once, each on its own fresh redis-server, the one started
    # first alternating: both see the same machine at the same moment, so a slower or busier spell
    # of this (shared, noisy) machine falls on both. Each pair prints both builds' figures and the
    # ratio this/other; the last line has the medians of the ratios.
    other=${1:?usage: scripts/bench.sh bot-pairs OTHER_BENCHMARK_DLL [--channel C] [--pairs N] [--seconds N] [--warmup N]}
    shift
    # 180 s: with one core a side, the tiered JIT compiles through about 150 s (counted with
    # DOTNET_JitStdOutFile: 2,600 methods between 80 and 100 s, 45 between 160 and 240 s), and more
    # of it in the build with more code; measured at 90 s, a build's CPU per turn held its JIT.
    channel=connector pairs=6 seconds=20 warmup=180
    while [ $# -gt 0 ]; do
      case "$1" in
        --channel) channel=$2 ;; --pairs) pairs=$2 ;; --seconds) seconds=$2 ;; --warmup) warmup=$2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
      esac
      shift 2
    done
    [ -f "$other" ] || { echo "no benchmark at $other" >&2; exit 2; }
    build tests/Bot.Benchmark
    this="$REPO/tests/Bot.Benchmark/bin/Release/net10.0/Bot.Benchmark.dll"
    outputs=$(mktemp -d)
    # turns/s, CPU µs per turn, KB allocated per turn ("-" when the build does not print it), mismatches
    figures() { echo "$(grep -oP '= \K[\d,]+(?= turns/s)' "$1" | tr -d ,) $(grep -oP 'CPU per turn: \K\d+' "$1") $(grep -oP 'Allocated per turn: \K[\d.]+' "$1" || echo -) $(grep -oP 'mismatches: \K\d+' "$1")"; }
    echo "bot-pairs ($channel): $pairs pairs, ${warmup} s warm-up + ${seconds} s measured, 32 users, one delivery at a time"
    echo "pair: this turns/s, CPU µs/turn, KB/turn, mismatches | other: the same | this/other: turns, CPU"
    # Each side (its benchmark and its store) gets its own half of the CPUs. Unpinned on a two-core
    # machine, the two builds' threads took each other's cores unevenly, and a build's CPU per turn
    # measured that contest as much as its turns (against #16's start, six unpinned pairs spread from
    # 1.21 to 1.84 in CPU per turn; six pinned ones, after 180 s, from 1.00 to 1.07).
    cpus=$(nproc)
    halves=("0-$((cpus / 2 - 1))" "$((cpus / 2))-$((cpus - 1))")
    [ "$cpus" -lt 2 ] && halves=("0" "0")
    echo "CPUs $cpus: the side started first runs on ${halves[0]}, the other on ${halves[1]}"
    for pair in $(seq 1 "$pairs"); do
      PAIR_PIDS=()
      order=(this other)
      [ $((pair % 2)) -eq 0 ] && order=(other this)
      runs=()
      for i in 0 1; do
        side=${order[$i]}
        dll=$this
        [ "$side" = other ] && dll=$other
        start_throwaway_store
        PAIR_PIDS+=("$SERVER_PID")
        taskset -a -cp "${halves[$i]}" "$SERVER_PID" >/dev/null
        Bot__OutboxConcurrency=1 taskset -c "${halves[$i]}" dotnet "$dll" --redis "127.0.0.1:$STORE_PORT" --channel "$channel" --users 32 \
          --seconds "$seconds" --warmup "$warmup" >"$outputs/$side.txt" 2>&1 &
        runs+=($!)
      done
      wait "${runs[@]}"
      kill "${PAIR_PIDS[@]}" 2>/dev/null || true
      read -r t1 c1 a1 m1 <<<"$(figures "$outputs/this.txt")"
      read -r t2 c2 a2 m2 <<<"$(figures "$outputs/other.txt")"
      if [ -z "$t1" ] || [ -z "$t2" ] || [ -z "$c1" ] || [ -z "$c2" ]; then
        echo "pair $pair: a run printed no figures (see $outputs)" >&2; exit 1
      fi
      echo "$pair (${order[0]} first): $t1 $c1 $a1 $m1 | $t2 $c2 $a2 $m2 | $(awk -v a="$t1" -v b="$t2" -v c="$c1" -v d="$c2" 'BEGIN { printf "%.3f %.3f", a / b, c / d }')" | tee -a "$outputs/pairs.txt"
    done
    median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    echo "medians of this/other: turns $(awk '{ print $(NF - 1) }' "$outputs/pairs.txt" | median), CPU per turn $(awk '{ print $NF }' "$outputs/pairs.txt" | median)"
    rm -rf "$outputs"
    ;;
  *)
    echo "usage: scripts/bench.sh scoring-core|bot|assistant|answer-path|bot-pairs [options]" >&2
    exit 2
    ;;
esac
