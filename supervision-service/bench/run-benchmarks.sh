#!/usr/bin/env bash
# Benchmarks of supervision-service (issues 5 and 22), on this machine, with the module's own real PostgreSQL 17 and
# Kafka (started inside the test JVM by test-support, as in the tests):
#   1. GET /api/metrics p50/p95 over 1,000,000 seeded cases, against a baseline that scans the raw cases per request,
#      and GET /api/metrics/dashboard and GET /api/rankings p50/p95 over the same cases;
#   2. one reminder sweep over 1,000,000 open cases: how many were due, found and emitted, how fast, and that a
#      second sweep emits nothing;
#   3. drain after an outage (DrainBenchmark): DRAIN (default 100,000) CaseRouted piled up on ysb.routing while the
#      consumer is held, then drained into work items: events/s, batched (one transaction per poll); and, as the
#      baseline, in a second run of its own, DRAIN_BASELINE (default 5,000) events with one transaction per event
#      (supervision.consumer.batch=false).
# Prints the BENCH lines. CASES=… and REQUESTS=… change the sizes of 1 and 2; DRAIN_ONLY=1 runs only 3 (a few
# minutes); DRAIN=0 or DRAIN_BASELINE=0 leaves that part out.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p supervision-service/target
run() { # <log> <test classes> <maven args...>
  local log=$1 tests=$2
  shift 2
  ./mvnw -B -pl supervision-service verify \
    -Dgroups=benchmark -Dbench.excludedGroups=none -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsupervision.sweep.interval=off -DskipITs=true "$@" > "$log" 2>&1 || { tail -60 "$log"; exit 1; }
  grep '^BENCH' "$log"
}
echo "BENCH machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
if [ "${DRAIN_BASELINE:-5000}" != 0 ]; then
  run supervision-service/target/benchmark-drain-baseline.log DrainBenchmark \
    -Dbench.drain="${DRAIN_BASELINE:-5000}" -Dsupervision.consumer.batch=false
fi
if [ "${DRAIN_ONLY:-0}" = 1 ]; then
  run supervision-service/target/benchmark-drain.log DrainBenchmark -Dbench.drain="${DRAIN:-100000}"
else
  run supervision-service/target/benchmark.log 'SupervisionBenchmark,DrainBenchmark' \
    -Dbench.cases="${CASES:-1000000}" -Dbench.requests="${REQUESTS:-200}" -Dbench.drain="${DRAIN:-100000}"
fi
echo "BENCH machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
