# Shared by run.sh and test.sh: find a free port, start a Redis-compatible server, wait for it.
# Sourced, not run.

# A free TCP port on loopback: one nothing answers on.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

wait_for_port() {
  local port=$1 seconds=${2:-60}
  for _ in $(seq 1 $(( seconds * 4 ))); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.25
  done
  echo "nothing listened on port $port within ${seconds}s" >&2
  return 1
}

# Garnet from the repository's tool manifest (dotnet tool restore). --lua: our ingest is a Lua
# script. --device-type RandomAccess: the native device needs libaio, which a fresh machine may lack.
# Usage: start_garnet PORT [DATA_DIR]   (with DATA_DIR, data survives restarts: AOF + recover)
start_garnet() {
  local port=$1 data=${2:-}
  (cd "$REPO" && dotnet tool restore >/dev/null)
  local args=(--port "$port" --bind 127.0.0.1 --lua --device-type RandomAccess)
  if [ -n "$data" ]; then
    mkdir -p "$data"
    args+=(--aof --recover --checkpointdir "$data")
  fi
  (cd "$REPO" && exec dotnet tool run garnet-server -- "${args[@]}") >"${data:-/tmp}/garnet-$port.log" 2>&1 &
  SERVER_PID=$!
}

# Debian's redis-server, in memory only: a throwaway for tests.
start_redis_server() {
  local port=$1
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >/dev/null 2>&1 &
  SERVER_PID=$!
}

# A throwaway store for tests and benchmarks: Debian's redis-server when on PATH, otherwise Garnet
# (TEST_STORE=garnet forces Garnet). Sets SERVER_PID and STORE_PORT and waits until it listens.
start_throwaway_store() {
  STORE_PORT=$(free_port) || return 1
  if [ "${TEST_STORE:-}" != "garnet" ] && command -v redis-server >/dev/null 2>&1; then
    start_redis_server "$STORE_PORT"
  else
    echo "Using Garnet as the throwaway store." >&2
    start_garnet "$STORE_PORT"
  fi
  wait_for_port "$STORE_PORT" 120
}
