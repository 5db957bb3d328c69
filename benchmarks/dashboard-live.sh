#!/usr/bin/env bash
# Whether the dashboard keeps up with runs started elsewhere: a page is open in headless Chromium while runs of the
# example task are started over HTTP at a steady rate (100 per second by default, each through POST
# /tasks/example/run-async); every 250 ms the harness reads which run the page's "Recent runs" table shows first and
# how old that run is (now minus the time its request was sent): the page's staleness. It also counts the feed's
# events the page received and the times the server reported it dropped events for the page (the page's
# 'cascadence:lagged' marks), and, once the last run has ended, how long the page takes to show the task as the API
# does (idle, with the newest run).
#
#   mvn -q package -DskipTests && benchmarks/dashboard-live.sh [runs per second] [seconds]
# Needs chromium, chromedriver and python3 with selenium (a venv is made in the work folder if it has none).
set -euo pipefail

rate="${1:-100}"
seconds="${2:-30}"
# shellcheck source=browser-bench.sh
. "$(dirname "${BASH_SOURCE[0]}")/browser-bench.sh"
start

PYTHONPATH="$root/benchmarks" PYTHONDONTWRITEBYTECODE=1 "$python" - "$url" "$rate" "$seconds" <<'PY'
import json, statistics, sys, threading, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
from browser_bench import chrome, percentile

url, rate, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def api(method, path):
    request = urllib.request.Request(url + path, method=method, headers={'Accept': 'application/json'})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b'null')

driver = chrome()
try:
    driver.get(url + '/')
    deadline = time.time() + 30
    while time.time() < deadline and driver.execute_script(
            "var f = document.querySelector('.feed'); return f && f.dataset.feed") != 'live':
        time.sleep(0.05)
    driver.execute_script("window.benchEvents = 0; addEventListener('cascadence:events',"
                          " function (e) { window.benchEvents += e.detail.length; });")

    sent = {}
    failures = []
    def start(i):
        at = time.time()
        try:
            sent[api('POST', '/tasks/example/run-async')['run_id']] = at
        except Exception as e:  # noqa: BLE001 - counted and reported
            failures.append(str(e))

    samples = []
    done = threading.Event()
    def sample():
        while not done.is_set():
            first = driver.execute_script("var r = document.querySelector('#runs tr[data-run]');"
                                          " return r && r.dataset.run")
            now = time.time()
            if first in sent:
                samples.append(now - sent[first])
            time.sleep(0.25)

    sampler = threading.Thread(target=sample)
    began = time.time()
    with ThreadPoolExecutor(32) as pool:
        sampler.start()
        for i in range(rate * seconds):
            delay = began + i / rate - time.time()
            if delay > 0:
                time.sleep(delay)
            pool.submit(start, i)
    offered = time.time() - began
    while api('GET', '/tasks/example')['running'] > 0:
        time.sleep(0.05)
    idle_at = time.time()
    done.set()
    sampler.join()
    newest = api('GET', '/tasks/example')['last_run']['run_id']
    caught = None
    while time.time() < idle_at + 60:
        shown = driver.execute_script(
            "var row = document.querySelector(\"tr[data-task='example']\"); var a = row && row.querySelector('td.last a');"
            " return row ? [row.dataset.state, a ? a.getAttribute('href') : ''] : null")
        if shown and shown[0] == 'idle' and shown[1].endswith(newest):
            caught = time.time() - idle_at
            break
        time.sleep(0.02)
    events = driver.execute_script("return window.benchEvents")
    lagged = driver.execute_script("return performance.getEntriesByName('cascadence:lagged').length")
    samples.sort()
    print('%d runs started in %.1f s (%.0f per second; %d refused); the page received %d feed events (%.0f per second)'
          % (len(sent), offered, len(sent) / offered, len(failures), events, events / (idle_at - began)))
    if samples:
        print("staleness of the page's newest run over %d samples: median %.0f ms, p95 %.0f ms, max %.0f ms"
              % (len(samples), statistics.median(samples) * 1000, percentile(samples, 0.95) * 1000,
                 samples[-1] * 1000))
    else:
        print('the page never showed a run the harness started')
    print('server dropped events for the page (lagged): %d times' % lagged)
    print('the page showed the task idle with its newest run %s after the API did'
          % ('%.0f ms' % (caught * 1000) if caught is not None else 'NOT within 60 s'))
finally:
    driver.quit()
PY
