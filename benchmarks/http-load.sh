#!/usr/bin/env bash
# Requests per second and latency percentiles of the REST API under 64 concurrent connections on loopback (wrk):
# GET /tasks, then POST /tasks/greet/run (a synchronous run of a task that does nothing but return a string, each
# run recorded in the run history before it is answered, with the default history_sync=full). A private copy of
# the installation is started with examples/runs in its plugins/ folder. Needs wrk (Debian package wrk).
#
#   mvn -q package -DskipTests && benchmarks/http-load.sh [seconds per route] [connections] [rounds]
set -euo pipefail

seconds="${1:-15}"
connections="${2:-64}"
rounds="${3:-2}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
dist="$root/distribution/target/cascadence"
plugin="$(ls "$root"/examples/runs/target/io.cascadence.examples.runs-*.jar 2>/dev/null | head -1)"
[ -x "$dist/bin/cascadence" ] && [ -n "$plugin" ] || { echo "error: build first: mvn -q package -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "error: wrk is missing (apt-get install wrk)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; wait "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -a "$dist" "$work/cascadence"
rm -rf "$work/cascadence/cache" "$work/cascadence/data/.lock" "$work/cascadence/data/.runtime"
cp "$plugin" "$work/cascadence/plugins/"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"

CASCADENCE_HTTP_PORT="$port" "$work/cascadence/bin/cascadence" </dev/null >"$work/container.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = "200" ] \
    && curl -s "$url/tasks" | grep -q '"greet"'; do
  kill -0 "$pid" 2>/dev/null || { echo "error: bin/cascadence exited" >&2; cat "$work/container.log" >&2; exit 1; }
  sleep 0.05
done

echo 'wrk.method = "POST"' >"$work/post.lua"

measure() { # route method
  local out
  if [ "$2" = POST ]; then
    out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$url$1")"
  else
    out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url$1")"
  fi
  local rps p50 p99 bad
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  bad="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  printf '%-24s %6s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$1" "$2" "$rps" "$p50" "$p99" "${bad:-0}"
}

# Warm-up: the JIT, the connection pools and the history database's pages.
wrk -t2 -c"$connections" -d5s "$url/tasks" >/dev/null
wrk -t2 -c"$connections" -d5s -s "$work/post.lua" "$url/tasks/greet/run" >/dev/null
for r in $(seq 1 "$rounds"); do
  measure /tasks GET
  measure /tasks/greet/run POST
done
# Durable: the history of the runs wrk saw answered, after a kill -9 and a restart, is counted by run-load.sh and
# CrashIT; here only that the runs went through the history at all.
curl -s "$url/runs?task=greet&limit=1" | grep -q '"status":"success"' || { echo "error: no greet run in the history" >&2; exit 1; }
