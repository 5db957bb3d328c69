#!/usr/bin/env bash
# Measures wall time from launching bin/cascadence to the first HTTP 200 from /health, over N runs (default 5),
# and prints each run and the median. Runs a private copy of the assembled installation on a free port.
#
#   mvn -q install -DskipTests && benchmarks/startup.sh [runs]
set -euo pipefail

runs="${1:-5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
dist="$root/distribution/target/cascadence"
[ -x "$dist/bin/cascadence" ] || { echo "error: build first: mvn -q install -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -a "$dist" "$work/cascadence"
rm -rf "$work/cascadence/cache" "$work/cascadence/data/.lock" "$work/cascadence/data/.runtime"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"

now_ms() { date +%s%3N; }
times=()
for i in $(seq 1 "$runs"); do
  start="$(now_ms)"
  CASCADENCE_HTTP_PORT="$port" "$work/cascadence/bin/cascadence" </dev/null >"$work/run-$i.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "error: bin/cascadence exited; see below" >&2; cat "$work/run-$i.log" >&2; exit 1; }
    sleep 0.01
  done
  elapsed=$(( $(now_ms) - start ))
  times+=("$elapsed")
  echo "run $i: ${elapsed} ms"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
done

median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')"
echo "median of $runs runs: ${median} ms (launch of bin/cascadence to first 200 from /health, $(nproc) cores, $(java -version 2>&1 | head -1))"
