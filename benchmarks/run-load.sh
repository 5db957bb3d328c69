#!/usr/bin/env bash
# Runs many runs through a private copy of the installation over HTTP and prints, after each batch, the
# throughput, the heap in use after a full GC and the process's resident memory: flat figures mean memory does not
# grow with the run history. Extra environment (for example CASCADENCE_HISTORY_URL for PostgreSQL) is passed on.
#
#   mvn -q package -DskipTests && benchmarks/run-load.sh [batches] [runs per batch] [clients]
set -euo pipefail

batches="${1:-10}"
per_batch="${2:-10000}"
clients="${3:-16}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
dist="$root/distribution/target/cascadence"
jar="$root/benchmarks/jmh/target/benchmarks.jar"
[ -x "$dist/bin/cascadence" ] && [ -f "$jar" ] || { echo "error: build first: mvn -q package -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; wait "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -a "$dist" "$work/cascadence"
rm -rf "$work/cascadence/cache" "$work/cascadence/data/.lock" "$work/cascadence/data/.runtime"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"

CASCADENCE_HTTP_PORT="$port" CASCADENCE_JAVA_OPTS="${CASCADENCE_JAVA_OPTS:-}" \
  "$work/cascadence/bin/cascadence" </dev/null >"$work/container.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = "200" ]; do
  kill -0 "$pid" 2>/dev/null || { echo "error: bin/cascadence exited" >&2; cat "$work/container.log" >&2; exit 1; }
  sleep 0.05
done

heap_mb() {
  jcmd "$pid" GC.run >/dev/null
  # The "used" of each generation (young and old), after the full collection: what the container keeps alive.
  jcmd "$pid" GC.heap_info | awk '/generation|region/ {for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); sum += v }} END {print int(sum / 1024)}'
}
rss_mb() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"; }

echo "before any run: heap after GC $(heap_mb) MB, RSS $(rss_mb) MB"
for b in $(seq 1 "$batches"); do
  line="$(java -cp "$jar" io.cascadence.benchmarks.RunLoad "$url" example "$per_batch" "$clients")"
  echo "after $((b * per_batch)) runs: $line; heap after GC $(heap_mb) MB, RSS $(rss_mb) MB"
done
echo "stored runs: $(curl -s "$url/runs?limit=1" >/dev/null && ls -la "$work/cascadence/data" | awk '/runs/ {print $NF, $5}' | tr '\n' ' ')"
echo "($(nproc) cores, $(java -version 2>&1 | head -1))"
