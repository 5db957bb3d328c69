#!/usr/bin/env bash
# The dashboard's page load with 1,000 tasks and 100,000 stored runs: the time from navigation to the first useful
# paint (the page marks 'cascadence:first-useful-paint' once its task table is drawn from the API), in headless
# Chromium, plus what each API call the page makes costs on the server. A private copy of the installation gets 1,000
# tasks (the example task class registered under 1,000 names through POST /tasks) and 100,000 top-level runs written
# straight into its run-history database (SQLite) while it is stopped, then is started again and measured.
#
#   mvn -q package -DskipTests && benchmarks/dashboard-load.sh [page loads] [tasks] [runs]
# Needs chromium, chromedriver, sqlite3 and python3 with selenium (a venv is made in the work folder if it has none).
set -euo pipefail

loads="${1:-15}"
tasks="${2:-1000}"
runs="${3:-100000}"
# shellcheck source=browser-bench.sh
. "$(dirname "${BASH_SOURCE[0]}")/browser-bench.sh"

start
echo "registering $tasks tasks..."
class="io.cascadence.plugins.example:io.cascadence.plugins.example.ExampleTask"
seq -f "bench-%04g" 1 "$tasks" | xargs -P 4 -I{} curl -s -o /dev/null -f -X POST "$url/tasks?path=$class&name={}"
# One real run, whose stage list the seeded runs copy.
curl -s -o /dev/null -f -X POST "$url/tasks/example/run"
stop

echo "writing $runs runs into data/runs.db..."
db="$work/cascadence/data/runs.db"
stages="$(sqlite3 "$db" "select stages from runs limit 1")"
now_us="$(($(date +%s) * 1000000))"
sqlite3 "$db" <<SQL
PRAGMA synchronous = OFF;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $runs)
INSERT INTO runs (run_id, task_name, trigger_name, status, submitted_at, started_at, finished_at, stages)
SELECT printf('bench-run-%07d', i), printf('bench-%04d', (i % $tasks) + 1), 'cron',
       CASE WHEN i % 10 = 0 THEN 'error' ELSE 'success' END,
       $now_us - ($runs - i) * 1000000, $now_us - ($runs - i) * 1000000 + 500,
       $now_us - ($runs - i) * 1000000 + 500 + (i % 97) * 1000, '$stages'
FROM n;
SQL
echo "runs stored: $(sqlite3 "$db" 'select count(*) from runs')"
start

echo "API calls the page makes (server time, warm, median of 10):"
for path in "/tasks" "/schedules" "/runs?limit=50" "/config"; do
  for _ in 1 2 3; do curl -s -o /dev/null "$url$path"; done
  for _ in $(seq 1 10); do curl -s -o /dev/null -w '%{time_total}\n' "$url$path"; done \
    | sort -n | awk -v p="$path" '{a[NR]=$1} END {printf "  GET %-16s %6.1f ms (%d bytes)\n", p, a[int((NR+1)/2)]*1000, 0}'
done | sed 's/ (0 bytes)//'

PYTHONPATH="$root/benchmarks" PYTHONDONTWRITEBYTECODE=1 "$python" - "$url" "$loads" "$tasks" <<'PY'
import statistics, sys, time
from browser_bench import chrome, percentile
url, loads, tasks = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
driver = chrome()
try:
    marks, rows = [], 0
    for i in range(loads + 2):
        driver.get('about:blank')  # the previous load's page is torn down before the clock starts
        driver.get(url + '/?load=%d' % i)
        deadline = time.time() + 30
        mark = None
        while mark is None and time.time() < deadline:
            mark = driver.execute_script("var m = performance.getEntriesByName('cascadence:first-useful-paint');"
                                         " return m.length ? m[0].startTime : null")
            if mark is None:
                time.sleep(0.02)
        if mark is None:
            sys.exit('error: the page never marked its first useful paint')
        rows = driver.execute_script("return document.querySelectorAll('#tasks tbody tr[data-task]').length")
        if i >= 2:  # the first two loads warm the browser's and the server's caches
            marks.append(mark)
    print('first useful paint of each load, ms: ' + ' '.join('%.0f' % m for m in marks))
    driver.execute_script("document.querySelector('#tasks tbody tr[data-task]:last-child').scrollIntoView()")
    deadline = time.time() + 30
    while time.time() < deadline and rows < tasks + 3:
        rows = driver.execute_script("return document.querySelectorAll('#tasks tbody tr[data-task]').length")
        time.sleep(0.05)
    timeline = driver.execute_script(
        "var n = performance.getEntriesByType('navigation')[0];"
        " return [['document', 0, Math.round(n.responseEnd)], ['DOMContentLoaded', 0, Math.round(n.domContentLoadedEventEnd)]]"
        ".concat(performance.getEntriesByType('resource').map(function (e) {"
        " return [e.name.replace(/^https?:\\/\\/[^/]+/, ''), Math.round(e.startTime), Math.round(e.responseEnd)]; }))")
    timeline += driver.execute_script(
        "return performance.getEntriesByType('mark').map(function (m) { return [m.name, Math.round(m.startTime), 0]; })")
    print('the last load, ms from navigation (start, end):')
    for name, start, end in timeline:
        print('  %-28s %5d %5d' % (name[:28], start, end))
    marks.sort()
    print('first useful paint over %d loads; every task row drawn in the end: %d (of %d + 3)' % (len(marks), rows, tasks))
    print('  median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms' % (
        statistics.median(marks), percentile(marks, 0.9), marks[0], marks[-1]))
finally:
    driver.quit()
PY
