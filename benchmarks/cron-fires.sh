#!/usr/bin/env bash
# Cron fires under load: 10,000 tasks due in the same minute, started by Cascadence's cron engine (no-op target) and
# by Quartz's in-memory scheduler (no-op job), rounds alternating in one JVM; then the time to restore 10,000
# schedules from schedules.yml at start, in fresh JVMs. Prints each round's start lateness and starts per second,
# and a table at the end (see benchmarks/README.md). The fire rounds take a minute each (six by default).
#
#   benchmarks/cron-fires.sh [fires|restore|all] [count] [round...]
#
# Rounds are cascadence, quartz-1 (Quartz's default batch) and quartz-N (a trigger acquisition batch of N).
# MVN_FLAGS (e.g. -o) go to the build; SKIP_BUILD=1 uses the jar as it is; JAVA_OPTS go to every JVM.
set -euo pipefail

what="${1:-all}"
count="${2:-10000}"
rounds=("${@:3}")
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
jar="$root/benchmarks/jmh/target/benchmarks.jar"
java_opts=(-Xms512m -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${JAVA_OPTS:-})

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # Only the benchmark module and what it depends on, in the reactor: nothing goes to ~/.m2.
  (cd "$root" && mvn -B -q ${MVN_FLAGS:-} package -DskipTests -pl benchmarks/jmh -am)
fi
run() { java "${java_opts[@]}" -cp "$jar" io.cascadence.benchmarks.cron.CronFireLoad "$@"; }

echo "$(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
case "$what" in
  fires|all) run fires "$count" "${rounds[@]}" ;;
esac
case "$what" in
  restore|all)
    # Each JVM's first restore is cold; three JVMs show how much a cold one varies.
    for jvm in 1 2 3; do echo "JVM $jvm:"; run restore "$count" 5; done ;;
esac
case "$what" in
  fires|restore|all) ;;
  *) echo "error: '$what' is not known: expected fires, restore or all" >&2; exit 2 ;;
esac
