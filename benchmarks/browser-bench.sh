# Sourced by the dashboard benchmarks (dashboard-load.sh, dashboard-live.sh): a private copy of the built
# installation in a temporary work folder, on a free port, and a Python with selenium to drive headless Chromium
# (browser_bench.py, beside this file, starts it). Sets root, work, python, port and url; start() starts the copy
# and waits for /health 200, stop() stops it; the work folder and a running copy go when the script exits.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
dist="$root/distribution/target/cascadence"
[ -x "$dist/bin/cascadence" ] || { echo "error: build first: mvn -q package -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
trap 'kill -TERM "${pid:-0}" 2>/dev/null || true; wait "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

python=python3
if ! python3 -c 'import selenium' 2>/dev/null; then
  python3 -m venv "$work/venv" && "$work/venv/bin/pip" -q install selenium >/dev/null
  python="$work/venv/bin/python"
fi

cp -a "$dist" "$work/cascadence"
rm -rf "$work/cascadence/cache" "$work/cascadence/data/"*
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"

start() {
  CASCADENCE_HTTP_PORT="$port" "$work/cascadence/bin/cascadence" </dev/null >"$work/container.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health" || true)" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "error: bin/cascadence exited" >&2; cat "$work/container.log" >&2; exit 1; }
    sleep 0.1
  done
}
stop() { kill -TERM "$pid"; wait "$pid" || true; }
