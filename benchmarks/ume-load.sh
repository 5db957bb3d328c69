#!/usr/bin/env bash
# Pipeline runs per second with the NATS transport on and off, alternating in one session (off, on, off, on, ...),
# and the events per second the transport delivered to NATS meanwhile. Each phase starts a private copy of the
# installation (transport off, or ume_transport = nats on the given server and a subject of its own), warms it up,
# then drives the example task over HTTP with RunLoad and reads the transport's counters on /health. In the "on"
# phases it waits until the buffer is empty, so the figure counts only delivered events. That figure is bounded by
# how fast runs make events; a last phase measures the transport alone: the runs' events wait while ume_nats_conn
# names a port where nothing listens, then the cfg names the server and the backlog drains.
#
#   mvn -q package -DskipTests && benchmarks/ume-load.sh [pairs] [runs per phase] [clients] [nats url]
set -euo pipefail

pairs="${1:-3}"
runs="${2:-5000}"
clients="${3:-8}"
nats="${4:-nats://127.0.0.1:4222}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
dist="$root/distribution/target/cascadence"
jar="$root/benchmarks/jmh/target/benchmarks.jar"
[ -x "$dist/bin/cascadence" ] && [ -f "$jar" ] || { echo "error: build first: mvn -q package -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; wait "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

transport() { curl -s "$url/health" | python3 -c 'import json,sys; t=json.load(sys.stdin).get("transports",{}).get("nats",{}); print(t.get("delivered",0), t.get("backlog",0), t.get("dropped",0), t.get("state","off"))'; }

# Starts a fresh copy of the installation whose transport cfg is $1 (empty: none); sets url, pid and cfg.
start_copy() {
  rm -rf "$work/cascadence"
  cp -a "$dist" "$work/cascadence"
  rm -rf "$work/cascadence/cache" "$work/cascadence/data/.lock" "$work/cascadence/data/.runtime"
  cfg="$work/cascadence/config/io.cascadence.transport.cfg"
  [ -z "$1" ] || printf '%s' "$1" >"$cfg"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  url="http://127.0.0.1:$port"
  CASCADENCE_HTTP_PORT="$port" "$work/cascadence/bin/cascadence" </dev/null >"$work/container.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "error: bin/cascadence exited" >&2; cat "$work/container.log" >&2; exit 1; }
    sleep 0.05
  done
}

stop_copy() { kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; }

# Waits until the buffer is empty; sets delivered, dropped, state and end.
await_drained() {
  while :; do read -r delivered backlog dropped state < <(transport); [ "$backlog" = 0 ] && break; sleep 0.01; done
  end=$(date +%s.%N)
}

rate() { python3 -c "print(f'{$1 / ($3 - $2):.0f} events/s in {$3 - $2:.2f} s')"; }

transport_cfg() { # $1: server URL, $2: ume_buffer
  printf 'ume_transport = nats\nume_nats_conn = %s\nume_nats_subject = bench.%s\nume_buffer = %s\n' "$1" "$$" "$2"
}

phase() { # $1: off|on
  if [ "$1" = on ]; then start_copy "$(transport_cfg "$nats" 10000)"; else start_copy ""; fi
  java -cp "$jar" io.cascadence.benchmarks.RunLoad "$url" example 1000 "$clients" >/dev/null   # warm-up
  read -r before _ _ _ < <(transport)
  start=$(date +%s.%N)
  line="$(java -cp "$jar" io.cascadence.benchmarks.RunLoad "$url" example "$runs" "$clients")"
  if [ "$1" = on ]; then
    await_drained
    echo "nats on : $line; $((delivered - before)) events delivered: $(rate $((delivered - before)) "$start" "$end")" \
      "(dropped $dropped, $state)"
  else
    echo "nats off: $line"
  fi
  stop_copy
}

drain() {
  # Port 9 (discard) has no NATS server: the runs' events wait in the buffer.
  start_copy "$(transport_cfg nats://127.0.0.1:9 1000000)"
  java -cp "$jar" io.cascadence.benchmarks.RunLoad "$url" example "$runs" "$clients" >/dev/null
  read -r before waiting _ _ < <(transport)
  transport_cfg "$nats" 1000000 >"$cfg.tmp"
  start=$(date +%s.%N)   # from the cfg edit: this includes noticing it (up to a second or two) and connecting
  mv "$cfg.tmp" "$cfg"
  await_drained
  echo "drain   : $waiting events waited; $((delivered - before)) delivered after the cfg named the server:" \
    "$(rate $((delivered - before)) "$start" "$end")"
  stop_copy
}

for i in $(seq 1 "$pairs"); do
  phase off
  phase on
done
drain
echo "($(nproc) cores, $(java -version 2>&1 | head -1), NATS $nats)"
