#!/usr/bin/env bash
# Runs of the example task through backend = temporal against the same task on the cron backend, alternating in
# one session (cron, temporal, cron, temporal, ...): throughput with several clients, then the answer time of one
# synchronous run at a time (the run's start latency plus its run; the example task itself takes well under a
# millisecond). Each phase starts a fresh copy of the installation; the temporal phases use one Temporal test
# server (temporal-testing's TestServer, in memory, on this machine: a real gRPC frontend, not a production cluster)
# and a task queue of their own.
#
#   mvn -q package -DskipTests && benchmarks/temporal-load.sh [pairs] [runs per phase] [clients]
set -euo pipefail

pairs="${1:-3}"
runs="${2:-2000}"
clients="${3:-8}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
dist="$root/distribution/target/cascadence"
jar="$root/benchmarks/jmh/target/benchmarks.jar"
server_cp="$root/bundles/temporal/target/test-server"
[ -x "$dist/bin/cascadence" ] && [ -f "$jar" ] && [ -d "$server_cp" ] \
  || { echo "error: build first: mvn -q package -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
trap 'kill -TERM "${pid:-0}" "${server:-0}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

temporal_port="$(free_port)"
java -cp "$server_cp/*" io.temporal.testserver.TestServer "$temporal_port" >"$work/temporal.log" 2>&1 &
server=$!
until python3 -c "import socket; socket.create_connection(('127.0.0.1', $temporal_port), 0.2)" 2>/dev/null; do
  sleep 0.1
done

start_copy() { # $1: backend; $2: task queue
  rm -rf "$work/cascadence"
  cp -a "$dist" "$work/cascadence"
  rm -rf "$work/cascadence/cache" "$work/cascadence/data/.lock" "$work/cascadence/data/.runtime"
  port="$(free_port)"
  url="http://127.0.0.1:$port"
  CASCADENCE_HTTP_PORT="$port" CASCADENCE_SCHEDULER="$1" TEMPORAL_SERVER="127.0.0.1:$temporal_port" \
    CASCADENCE_TEMPORAL_TASK_QUEUE="$2" "$work/cascadence/bin/cascadence" </dev/null >"$work/container.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "error: bin/cascadence exited" >&2; cat "$work/container.log" >&2; exit 1; }
    sleep 0.05
  done
  if [ "$1" = temporal ]; then
    until grep -q "Temporal backend: connected" "$work/container.log"; do sleep 0.1; done
  fi
}

stop_copy() { kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; }

phase() { # $1: backend, $2: phase number
  start_copy "$1" "bench-$2"
  java -cp "$jar" io.cascadence.benchmarks.RunLoad "$url" example 300 "$clients" >/dev/null   # warm-up
  printf '%-8s %s\n' "$1" "$(java -cp "$jar" io.cascadence.benchmarks.RunLoad "$url" example "$runs" "$clients")"
  printf '%-8s %s\n' "$1" "$(java -cp "$jar" io.cascadence.benchmarks.RunLoad "$url" example 300 1)"
  stop_copy
}

for i in $(seq 1 "$pairs"); do
  phase cron "$i"
  phase temporal "$i"
done
echo "($(nproc) cores, $(java -version 2>&1 | head -1), Temporal test server of temporal-testing)"
