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

# Debian's redis-server keeping an AOF in a temporary directory, fsynced before every reply
# (appendfsync always): the single node the README advises. Sets SERVER_PID and STORE_PORT.
start_aof_redis_server() {
  STORE_PORT=$(free_port) || return 1
  local dir
  dir=$(mktemp -d)
  redis-server --port "$STORE_PORT" --bind 127.0.0.1 --dir "$dir" --save "" --appendonly yes --appendfsync always \
    --daemonize no >"$dir/redis.log" 2>&1 &
  SERVER_PID=$!
  wait_for_port "$STORE_PORT" 30
}

# A Redis Cluster on loopback for the benchmarks: 3 primaries, 3 replicas (Debian's redis-server),
# in memory. Each node needs its port and the cluster bus at port + 10000 free. Sets CLUSTER_PIDS
# and STORE_ENDPOINTS (every node, comma-separated) and waits until every replica has synced.
start_redis_cluster() {
  local dir port ports=() nodes=()
  dir=$(mktemp -d)
  CLUSTER_PIDS=()
  while [ "${#ports[@]}" -lt 6 ]; do
    port=$(( 20000 + RANDOM % 10000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && ! (exec 3<>"/dev/tcp/127.0.0.1/$(( port + 10000 ))") 2>/dev/null \
       && [[ ! " ${ports[*]} " == *" $port "* ]]; then
      ports+=("$port")
    fi
  done
  for port in "${ports[@]}"; do
    redis-server --port "$port" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "nodes-$port.conf" \
      --cluster-node-timeout 1000 --dir "$dir" --save "" --appendonly no --repl-diskless-sync-delay 0 >"$dir/$port.log" 2>&1 &
    CLUSTER_PIDS+=($!)
    nodes+=("127.0.0.1:$port")
  done
  for port in "${ports[@]}"; do wait_for_port "$port" 30 || return 1; done
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 1 --cluster-yes >/dev/null || return 1
  for _ in $(seq 1 120); do
    local synced=0
    for port in "${ports[@]}"; do
      redis-cli -p "$port" info replication | grep -q "master_link_status:up" && synced=$(( synced + 1 ))
    done
    local ready=0
    for port in "${ports[@]}"; do
      redis-cli -p "$port" cluster info | grep -q "cluster_state:ok" && ready=$(( ready + 1 ))
    done
    [ "$synced" -eq 3 ] && [ "$ready" -eq 6 ] && break
    sleep 0.25
  done
  STORE_ENDPOINTS=$(IFS=,; echo "${nodes[*]}")
}
