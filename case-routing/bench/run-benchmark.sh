#!/usr/bin/env bash
# Benchmarks of case-routing (issue 4), on this machine, with the module's own real PostgreSQL 17 and Kafka (started
# inside the test JVM by test-support, as in the tests). Two runs of RoutingBenchmark (tag "benchmark"):
#   1. before: a backlog of BACKLOG_SINGLE complaints (10,000) routed one per poll and transaction
#      (max.poll.records=1), throughput only;
#   2. a backlog of BACKLOG complaints (100,000) already on the topic when the consumer starts, routed in polled
#      batches of up to 500 per transaction:
#      a. cases routed per second end to end through Kafka and PostgreSQL, with baselines measured in the same run
#         (a plain KafkaConsumer reading the same records; raw batched inserts of the outbox rows);
#      b. in-process decision latency p50/p99 (classification + matrix);
#      c. accuracy on the held-out labelled set (category top-1, lead top-1 among auto-routed, share to manual).
# Prints the BENCH lines. Run it alone (Maven builds take turns on this machine):
#   flock /tmp/openysb-maven.lock case-routing/bench/run-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
log=case-routing/target/benchmark.log
mkdir -p case-routing/target
: > "$log"
run() {
  ./mvnw -B -o -pl case-routing verify \
    -Dgroups=benchmark -Dbench.excludedGroups=none -Dtest='RoutingBenchmark' \
    -Dsurefire.failIfNoSpecifiedTests=false -DskipITs=true "$@" >> "$log" 2>&1 || { tail -80 "$log"; exit 1; }
}
if [ "${BACKLOG_SINGLE:-10000}" != 0 ]; then  # BACKLOG_SINGLE=0 skips the before-batching run
  run -Dbench.backlog="${BACKLOG_SINGLE:-10000}" -Dbench.maxPoll=1 -Dbench.label=single -Dbench.throughputOnly=true
fi
run -Dbench.backlog="${BACKLOG:-100000}" -Dbench.maxPoll=500 -Dbench.label=batched
grep '^BENCH' "$log"
