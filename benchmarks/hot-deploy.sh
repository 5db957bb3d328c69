#!/usr/bin/env bash
# Measures how long a running container takes to show a plugin dropped into plugins/ in GET /tasks, to drop it
# again after the jar is deleted, and to report an edit of config/io.cascadence.scheduler.cfg in GET /config, over
# N rounds (default 5). Prints each round and the medians.
#
#   mvn -q install -DskipTests && benchmarks/hot-deploy.sh [rounds]
set -euo pipefail

rounds="${1:-5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
dist="$root/distribution/target/cascadence"
hello="$(ls "$root"/examples/hello/target/io.cascadence.examples.hello-*.jar | head -1)"
[ -x "$dist/bin/cascadence" ] && [ -f "$hello" ] || { echo "error: build first: mvn -q install -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -a "$dist" "$work/cascadence"
rm -rf "$work/cascadence/cache" "$work/cascadence/data/.lock" "$work/cascadence/data/.runtime"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"

CASCADENCE_HTTP_PORT="$port" "$work/cascadence/bin/cascadence" </dev/null >"$work/container.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = "200" ]; do sleep 0.05; done

now_ms() { date +%s%3N; }
has_hello() { curl -s "$url/tasks" | grep -q '"name":"hello"'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

deploys=(); removals=(); edits=()
cfg="$work/cascadence/config/io.cascadence.scheduler.cfg"
zones=(Europe/Paris Asia/Tokyo America/New_York Africa/Cairo Australia/Sydney Europe/Oslo Asia/Seoul)
for i in $(seq 1 "$rounds"); do
  cp "$hello" "$work/cascadence/plugins/.hello.part"
  start="$(now_ms)"; mv "$work/cascadence/plugins/.hello.part" "$work/cascadence/plugins/hello.jar"
  until has_hello; do sleep 0.02; done
  deploys+=($(( $(now_ms) - start )))
  start="$(now_ms)"; rm "$work/cascadence/plugins/hello.jar"
  while has_hello; do sleep 0.02; done
  removals+=($(( $(now_ms) - start )))
  zone="${zones[$(( i % ${#zones[@]} ))]}"
  start="$(now_ms)"; printf 'timezone = %s\n' "$zone" > "$cfg.part" && mv "$cfg.part" "$cfg"
  until curl -s "$url/config" | grep -q "\"value\":\"$zone\""; do sleep 0.02; done
  edits+=($(( $(now_ms) - start )))
  echo "round $i: deployed in ${deploys[-1]} ms, removed in ${removals[-1]} ms, cfg edit seen in ${edits[-1]} ms"
  sleep 0.6
done
echo "median deploy: $(median "${deploys[@]}") ms, median removal: $(median "${removals[@]}") ms," \
  "median cfg edit: $(median "${edits[@]}") ms (plugins/ and config/ are each polled every 500 ms)"
