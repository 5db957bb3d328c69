#!/usr/bin/env bash
# Latency of run-history routes with a long history: fills a private copy of the installation's data/runs.db with
# RUNS finished runs (default 1,000,000) over 100 tasks, starts the container, and times N requests (default 200)
# of each route one after the other with curl, printing the median, 95th percentile and maximum in milliseconds.
#
#   mvn -q package -DskipTests && benchmarks/history-latency.sh [runs] [requests]
set -euo pipefail

runs="${1:-1000000}"
requests="${2:-200}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
dist="$root/distribution/target/cascadence"
jar="$root/benchmarks/jmh/target/benchmarks.jar"
[ -x "$dist/bin/cascadence" ] && [ -f "$jar" ] || { echo "error: build first: mvn -q package -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; wait "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -a "$dist" "$work/cascadence"
rm -rf "$work/cascadence/cache" "$work/cascadence/data/.lock" "$work/cascadence/data/.runtime"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" io.cascadence.benchmarks.FillHistory \
  "$work/cascadence/data/runs.db" "$runs" 100
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
CASCADENCE_HTTP_PORT="$port" "$work/cascadence/bin/cascadence" </dev/null >"$work/container.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = "200" ]; do
  kill -0 "$pid" 2>/dev/null || { echo "error: bin/cascadence exited" >&2; cat "$work/container.log" >&2; exit 1; }
  sleep 0.05
done

measure() {
  local name="$1" path="$2"
  for _ in $(seq 1 "$requests"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$url$path"
  done | awk -v name="$name" '
    $1 != 200 { bad++ } { t[NR] = $2 * 1000 }
    END { n = asort(t); printf "%-34s median %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%d requests%s)\n", name,
          t[int(n / 2) + 1], t[int(n * 0.95)], t[n], n, bad ? ", " bad " not 200" : "" }'
}
measure "GET /tasks/example/runs" "/tasks/example/runs"
measure "GET /tasks/example/runs?offset=5000" "/tasks/example/runs?offset=5000"
measure "GET /runs" "/runs"
measure "GET /runs?status=error" "/runs?status=error"
measure "GET /runs/{id}" "/runs/fill-4242"
measure "GET /health (for comparison)" "/health"
echo "($runs runs stored; $(nproc) cores, $(java -version 2>&1 | head -1))"
