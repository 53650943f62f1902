#!/usr/bin/env bash
# Benchmark of complaint-intake (issue 3), on this machine, everything on 127.0.0.1:
#   the packaged service (target/quarkus-app) on its own PostgreSQL 17 with fsync, synchronous_commit and
#   full_page_writes on, and a real KRaft broker (both started inside the test JVM, as in the reliability IT);
#   1. a durable single-row insert baseline on that PostgreSQL (JDBC, 8 clients, synchronous_commit on);
#   2. web submissions (POST /api/complaints) at rising concurrency (8, 32, 64): complaints/s, p50/p99, RSS, and the
#      ratio to the baseline, after a warm-up that fills every district's repeat candidates to their limit;
#   3. web submissions sent at a fixed rate (open loop, RATES=1500 by default, RATES= for none; RATE_SECONDS=30 each): each latency counted
#      from when the request was due, so stalls are not hidden by a sender that waits for answers;
#   4. zero loss: every 201 exactly once on ysb.complaints.
# Prints the BENCH lines. SECONDS_PER_LEVEL=…, CONCURRENCY=8,32,64, MAX_CANDIDATES=… (repeat detection) change it;
# BENCH_ENV=K=V,… sets environment variables of the service; BENCH_PG=K=V,… settings of its PostgreSQL; BENCH_JVM_ARGS=… adds options to the service's JVM (e.g. -XX:StartFlightRecording=filename=/tmp/intake.jfr).
# WARMUP=… complaints before the first level (default 30,000; they are also the stored cases the first level starts
# with), WARMUP_MAX=… goes on in steps of 2,000 while the JIT compiler takes 5 % or more of the service's CPU.
# PG_STATEMENTS=true also prints the statements that took PostgreSQL the most time (pg_stat_statements).
# Run it under the build lock: flock /tmp/openysb-maven.lock complaint-intake/bench/run-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
log=complaint-intake/target/benchmark.log
mkdir -p complaint-intake/target
# the modules it depends on are installed too, so that the second step uses them as just built
./mvnw -B -o -pl complaint-intake -am install -DskipTests > "$log" 2>&1 || { tail -60 "$log"; exit 1; }
./mvnw -B -o -pl complaint-intake surefire:test \
  -Dgroups=benchmark -Dbench.excludedGroups=none -Dtest='IntakeBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.seconds="${SECONDS_PER_LEVEL:-15}" -Dbench.concurrency="${CONCURRENCY:-8,32,64}" -Dbench.rates="${RATES:-1500}" -Dbench.rateSeconds="${RATE_SECONDS:-30}" \
  -Dbench.maxCandidates="${MAX_CANDIDATES:-500}" -Dbench.jvmArgs="${BENCH_JVM_ARGS:-}" -Dbench.env="${BENCH_ENV:-}" -Dbench.pg="${BENCH_PG:-}" -Dbench.pgStatements="${PG_STATEMENTS:-false}" -Dbench.warmup="${WARMUP:-30000}" -Dbench.warmupMax="${WARMUP_MAX:-0}" >> "$log" 2>&1 || { grep '^BENCH' "$log"; tail -60 "$log"; exit 1; }
grep '^BENCH' "$log"
