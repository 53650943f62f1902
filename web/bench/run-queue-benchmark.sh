#!/usr/bin/env bash
# The handler's queue with a unit of 10,000 open cases: the queue API's latency through the web module (baseline:
# the whole-queue call, same run) and the time until the queue page shows its rows. Seeds the stack's supervision
# database with TS2099… cases and removes them at the end. Prints BENCH lines.
#
# Uses a running stack when OPENYSB_WEB_URL is set; otherwise starts the local stack from the last build
# (SKIP_BUILD=1 deploy/run-local.sh) and stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=web/target/bench
mkdir -p "$out"
WEB=${OPENYSB_WEB_URL:-}
KEYCLOAK=${OPENYSB_KEYCLOAK_URL:-http://127.0.0.1:8180}
PG="postgresql://supervision:supervision-local-dev@127.0.0.1:${OPENYSB_PG_PORT:-54320}/supervision"
stack_pid=
cleanup() {
  psql -q "$PG" -f web/bench/unseed-queue.sql >/dev/null 2>&1 || true
  if [ -n "$stack_pid" ]; then kill "$stack_pid" 2>/dev/null || true; wait "$stack_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

if [ -z "$WEB" ]; then
  WEB=http://127.0.0.1:${OPENYSB_WEB_PORT:-8080}
  echo "starting the local stack (log: $out/stack.log) …"
  SKIP_BUILD=1 deploy/run-local.sh >"$out/stack.log" 2>&1 &
  stack_pid=$!
  for _ in $(seq 1 240); do
    if curl -sf "$WEB/q/health/ready" >/dev/null 2>&1 && grep -q "All health checks UP" "$out/stack.log"; then break; fi
    if ! kill -0 "$stack_pid" 2>/dev/null; then echo "the stack did not start:"; tail -30 "$out/stack.log"; exit 1; fi
    sleep 1
  done
  sleep "${SETTLE_SECONDS:-30}"
fi
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)"; exit 1; }

echo "== seeding 60,000 cases (SCJG: 10,000 open, 20,000 closed) =="
psql -q "$PG" -f web/bench/unseed-queue.sql >/dev/null
psql -q "$PG" -f web/bench/seed-queue.sql
psql -At "$PG" -c "select count(*) filter (where status in ('ASSIGNED','SIGNED','RETURN_REQUESTED')) || ' open, ' || count(*) || ' in all' from work_item where lead_unit = 'SCJG'"

token=$(curl -sf "$KEYCLOAK/realms/openysb/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=openysb-web -d username=handler-scjg -d password=handler-scjg-pass \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

echo "== queue API through the web module =="
node web/bench/queue-latency.mjs "$WEB" "$token"
echo "== queue page (chromium) =="
node web/bench/queue-page.mjs "$WEB" handler-scjg handler-scjg-pass 10
