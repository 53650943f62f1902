#!/usr/bin/env bash
# The whole pipeline at speed (issue 22), on the README's stack: deploy/run-local.sh with SKIP_BUILD=1 (the same
# launcher, the same JVM options), on ports and a data directory of its own (fresh each run), so it runs beside a stack
# on the default ports. Two stacks, one after the other:
#   1. the baseline: the stack with complaint-intake alone (OPENYSB_SERVICES=complaint-intake; PostgreSQL, Kafka,
#      Keycloak and the sinks as usual), web complaints at the same rates: HTTP only;
#   2. the pipeline: the whole stack; web complaints (POST /api/complaints as the portal sends them, with the mobile
#      verification token made with the stack's MOBILE_VERIFICATION_SECRET, by default the local-development secret)
#      open loop at each rate of RATES (default 50,100,200,300,500 a second) for RATE_SECONDS (default 30) each;
#      per rate: HTTP p50/p99 (from each request's due time), submission → CaseRouted, → WorkItemOpened (record
#      timestamps on ysb.routing / ysb.supervision), → the receipt SMS taken by the SMS gateway sink (sinks/sms.log)
#      p50/p99/max; consumer lag per group when sending stopped; CPU ms per complaint per service (/proc/<pid>/stat,
#      until the pipeline caught up); resident memory per process. Then the headline (the highest rate with
#      WorkItemOpened p99 <= 2 s, and its ratio to intake alone), the drain measure (supervision-service stopped for
#      DRAIN_STOP_SECONDS, default 60, under DRAIN_RATE, default 100/s, then started again: work items opened per
#      second until caught up) and the zero-loss check over every 201.
# Each stack first gets WARMUP_SECONDS (default 30) of complaints at 50/s, not measured (the JIT compilers).
# Quick check: RATES=50,100 RATE_SECONDS=10 DRAIN=0 bench/run-pipeline.sh. PHASES=pipeline skips the baseline.
# MAX_WAIT (s, default 120): how long a rate may take to catch up after its last request; higher rates are skipped
# when it does not. Ports: OPENYSB_* as for run-local.sh (defaults here: PostgreSQL 25432, Kafka 29092/29093,
# Keycloak 28180/29190, services 28081-28084, web 28080, SMTP 22525, SMS 28190); OPENYSB_DATA_DIR (default
# target/pipeline-bench, deleted at the start), OPENYSB_KEYCLOAK_HOME (default: a copy of the build's Keycloak in
# target/pipeline-bench-keycloak). OPENYSB_JVM_OPTIONS_<INTAKE|ROUTING|SUPERVISION|NOTIFICATION|WEB> try other JVM
# options. SKIP_BUILD=1 reuses the last build (as run-local.sh); without it the script builds first (tests skipped).
# Prints the BENCH lines; each stack's output is in <data dir>/<phase>.log, the services' logs under <phase>/logs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

export OPENYSB_PG_PORT=${OPENYSB_PG_PORT:-25432}
export OPENYSB_KAFKA_PORT=${OPENYSB_KAFKA_PORT:-29092}
export OPENYSB_KAFKA_CONTROLLER_PORT=${OPENYSB_KAFKA_CONTROLLER_PORT:-29093}
export OPENYSB_KEYCLOAK_PORT=${OPENYSB_KEYCLOAK_PORT:-28180}
export OPENYSB_KEYCLOAK_MANAGEMENT_PORT=${OPENYSB_KEYCLOAK_MANAGEMENT_PORT:-29190}
export OPENYSB_INTAKE_PORT=${OPENYSB_INTAKE_PORT:-28081}
export OPENYSB_ROUTING_PORT=${OPENYSB_ROUTING_PORT:-28082}
export OPENYSB_SUPERVISION_PORT=${OPENYSB_SUPERVISION_PORT:-28083}
export OPENYSB_NOTIFICATION_PORT=${OPENYSB_NOTIFICATION_PORT:-28084}
export OPENYSB_WEB_PORT=${OPENYSB_WEB_PORT:-28080}
export OPENYSB_SMTP_PORT=${OPENYSB_SMTP_PORT:-22525}
export OPENYSB_SMS_PORT=${OPENYSB_SMS_PORT:-28190}
data=${OPENYSB_DATA_DIR:-$root/target/pipeline-bench}
export OPENYSB_KEYCLOAK_HOME=${OPENYSB_KEYCLOAK_HOME:-$root/target/pipeline-bench-keycloak}
rates=${RATES:-50,100,200,300,500}
seconds=${RATE_SECONDS:-30}
phases=${PHASES:-intake,pipeline}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building (tests skipped) …"
  ./mvnw -B -q install -DskipTests -DskipE2E
fi
for f in local-stack/target/local-stack.jar local-stack/target/test-classes/org/openysb/localstack/bench/PipelineBenchmark.class; do
  [ -e "$f" ] || { echo "missing $f: build first (without SKIP_BUILD=1)"; exit 1; }
done
if [ ! -d "$OPENYSB_KEYCLOAK_HOME" ]; then
  cp -a local-stack/target/keycloak/keycloak-26.7.3 "$OPENYSB_KEYCLOAK_HOME"
fi
rm -rf "$data"
mkdir -p "$data"

stack_pid=
stop_stack() {
  [ -n "$stack_pid" ] || return 0
  # the launcher stops the services, Keycloak, Kafka and PostgreSQL in order on SIGTERM; then its process group
  kill -TERM "$stack_pid" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$stack_pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$stack_pid" 2>/dev/null || true
  stack_pid=
}
trap stop_stack EXIT INT TERM

# start_stack <phase> <OPENYSB_SERVICES>: deploy/run-local.sh in a session of its own; returns when all is UP
start_stack() {
  local log=$data/$1.log began
  began=$(date +%s%N)
  OPENYSB_DATA_DIR=$data/$1 OPENYSB_SERVICES=$2 SKIP_BUILD=1 setsid deploy/run-local.sh > "$log" 2>&1 < /dev/null &
  stack_pid=$!
  until grep -q 'All health checks UP' "$log"; do
    if ! kill -0 "$stack_pid" 2>/dev/null || [ $(( ($(date +%s%N) - began) / 1000000000 )) -gt 600 ]; then
      echo "BENCH $1: the stack did not start, see $log"; tail -20 "$log"; exit 1
    fi
    sleep 0.5
  done
  echo "BENCH $1: stack ($2) started by deploy/run-local.sh, all UP after $(( ($(date +%s%N) - began) / 1000000 )) ms;" \
    "$(grep -o 'All health checks UP after .*' "$log")"
}

bench() {
  java -Xmx768m -XX:+UseSerialGC \
    -cp "local-stack/target/test-classes:local-stack/target/local-stack.jar:local-stack/target/lib/*" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dbench.mode="$1" -Dbench.rates="$rates" -Dbench.rateSeconds="$seconds" -Dbench.maxWait="${MAX_WAIT:-120}" \
    -Dbench.launcherPid="$stack_pid" -Dbench.dataDir="$data/$1" -Dbench.results="$data/intake-alone.txt" \
    -Dbench.repoRoot="$root" -Dbench.intakePort="$OPENYSB_INTAKE_PORT" -Dbench.kafka="127.0.0.1:$OPENYSB_KAFKA_PORT" \
    -Dbench.drain="$([ "${DRAIN:-1}" = 0 ] && echo false || echo true)" -Dbench.drainRate="${DRAIN_RATE:-100}" \
    -Dbench.drainStopSeconds="${DRAIN_STOP_SECONDS:-60}" -Dbench.warmupSeconds="${WARMUP_SECONDS:-30}" \
    org.openysb.localstack.bench.PipelineBenchmark
}

echo "BENCH machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run; $(date -u +%FT%TZ)"
if [[ ,$phases, == *,intake,* ]]; then
  start_stack intake complaint-intake
  bench intake
  stop_stack
fi
if [[ ,$phases, == *,pipeline,* ]]; then
  start_stack pipeline ""
  bench pipeline
  stop_stack
fi
