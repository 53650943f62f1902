#!/usr/bin/env bash
# Benchmark of notification-service (issue 6), on this machine, with the module's own real PostgreSQL 17 and Kafka
# broker and the local sinks of its tests (GreenMail SMTP, the signature-checking SMS gateway stub, complaint-intake's
# contact stub), all started by the test JVM as in the tests:
#   a backlog of EVENTS events (default 100,000: half ComplaintSubmitted, half WorkItemOpened) is put on the topics;
#   reported: messages rendered and recorded per second, messages handed to SMTP/SMS per second (target >= 2,000),
#   a baseline measured in the same run (raw Jakarta Mail to GreenMail, raw signed POSTs to the SMS stub) and the
#   ratio, and VmRSS of the test JVM (/proc/self/status: the service shares that JVM with the broker and the sinks).
# MAIL_SINK=discard (default): emails go to the local stack's SMTP sink counting them (MailSink.discarding: full SMTP,
# nothing written); MAIL_SINK=greenmail: to GreenMail, which parses and keeps every message and caps the rate itself.
# WARMUP=… events (default 20,000) are handed over completely before the measured backlog (JIT warm-up).
# PARALLELISM=… and BATCH=… set notification.delivery.parallelism / batch-size (defaults: the service's).
# Run it alone (it needs both cores): flock /tmp/openysb-maven.lock notification-service/bench/run-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
log=notification-service/target/benchmark.log
mkdir -p notification-service/target
extra=()
[ -n "${PARALLELISM:-}" ] && extra+=("-Dnotification.delivery.parallelism=${PARALLELISM}")
[ -n "${BATCH:-}" ] && extra+=("-Dnotification.delivery.batch-size=${BATCH}")
./mvnw -B -o -pl notification-service verify \
  -Dgroups=benchmark -Dbench.excludedGroups=none -Dtest='NotificationBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.events="${EVENTS:-100000}" -Dbench.baseline="${BASELINE:-10000}" \
  -Dbench.mail-sink="${MAIL_SINK:-discard}" -Dbench.warmup="${WARMUP:-20000}" -DskipITs=true "${extra[@]}" > "$log" 2>&1 || { grep '^BENCH' "$log"; tail -60 "$log"; exit 1; }
grep '^BENCH' "$log"
