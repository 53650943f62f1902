#!/usr/bin/env bash
# Benchmarks of supervision-service (issue 5), on this machine, with the module's own real PostgreSQL 17 and Kafka
# (started inside the test JVM by test-support, as in the tests):
#   1. GET /api/metrics p50/p95 over 1,000,000 seeded cases, against a baseline that scans the raw cases per request,
#      and GET /api/metrics/dashboard and GET /api/rankings p50/p95 over the same cases;
#   2. one reminder sweep over 1,000,000 open cases: how many were due, found and emitted, how fast, and that a
#      second sweep emits nothing.
# Prints the BENCH lines; the numbers go into the closing note. CASES=… and REQUESTS=… change the sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."
log=supervision-service/target/benchmark.log
mkdir -p supervision-service/target
./mvnw -B -pl supervision-service verify \
  -Dgroups=benchmark -Dbench.excludedGroups=none -Dtest='SupervisionBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.cases="${CASES:-1000000}" -Dbench.requests="${REQUESTS:-200}" \
  -Dsupervision.sweep.interval=off -DskipITs=true > "$log" 2>&1 || { tail -60 "$log"; exit 1; }
grep '^BENCH' "$log"
