#!/usr/bin/env bash
# The portal as its users meet it: what the first load transfers, Lighthouse's performance and accessibility scores
# of the file and tracking pages (mobile, Debian's chromium), and what the forwarding layer adds to an API call
# (through the web module vs. directly, same run). Prints BENCH lines.
#
# Uses a running stack when OPENYSB_WEB_URL and OPENYSB_INTAKE_URL are set; otherwise starts the local stack from
# the last build (SKIP_BUILD=1 deploy/run-local.sh; build first with ./mvnw -B install -DskipTests) and stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
webui=web/src/main/webui
out=web/target/bench
mkdir -p "$out"
WEB=${OPENYSB_WEB_URL:-}
INTAKE=${OPENYSB_INTAKE_URL:-}
stack_pid=
cleanup() { if [ -n "$stack_pid" ]; then kill "$stack_pid" 2>/dev/null || true; wait "$stack_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

if [ -z "$WEB" ]; then
  WEB=http://127.0.0.1:${OPENYSB_WEB_PORT:-8080}
  INTAKE=http://127.0.0.1:${OPENYSB_INTAKE_PORT:-8081}
  echo "starting the local stack (log: $out/stack.log) …"
  SKIP_BUILD=1 deploy/run-local.sh >"$out/stack.log" 2>&1 &
  stack_pid=$!
  for _ in $(seq 1 240); do
    if curl -sf "$WEB/q/health/ready" >/dev/null 2>&1 && grep -q "All health checks UP" "$out/stack.log"; then break; fi
    if ! kill -0 "$stack_pid" 2>/dev/null; then echo "the stack did not start:"; tail -30 "$out/stack.log"; exit 1; fi
    sleep 1
  done
  # the services' JIT compilers and Kafka consumers settle first: on 2 cores they would take the browser's CPU
  sleep "${SETTLE_SECONDS:-30}"
fi

echo "== first load: JavaScript + CSS transferred (gzip) =="
(cd "$webui" && node scripts/bundle-size.mjs)

echo "== Lighthouse 12.2.3 (mobile, simulated throttling) on the file and tracking pages =="
tools=web/target/bench-tools
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  npm install --no-save --no-audit --no-fund --prefix "$tools" lighthouse@12.2.3 >/dev/null
fi
receipt=$(curl -sf -H 'Content-Type: application/json' \
  -d '{"type":"INQUIRY","title":"灯塔测试","content":"用于页面性能测量的匿名咨询，请忽略。","district":"D01","anonymous":true}' \
  "$INTAKE/api/complaints")
case_number=$(node -e 'console.log(JSON.parse(process.argv[1]).caseNumber)' "$receipt")
# the tracking page as the receipt SMS opens it: a link signed with the local stack's secret
token=$(node -e '
  const c = require("crypto"); const [cn, secret] = process.argv.slice(1); const exp = Math.floor(Date.now() / 1000) + 86400;
  console.log(exp + "." + c.createHmac("sha256", secret).update(`track:${cn}:${exp}`).digest("hex").slice(0, 32));
' "$case_number" "${TRACKING_LINK_SECRET:-local-dev-tracking-link-secret}")
for page in "home:/" "file:/file" "track:/track/$case_number?token=$token"; do
  name=${page%%:*}; path=${page#*:}
  CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} "$tools/node_modules/.bin/lighthouse" "$WEB$path" \
    --quiet --only-categories=performance,accessibility --output=json --output-path="$out/lighthouse-$name.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    >/dev/null 2>&1 || { echo "lighthouse failed on $path"; continue; }
  node -e '
    const r = require(process.argv[1]); const a = r.audits;
    const ms = (k) => a[k] ? Math.round(a[k].numericValue) : "-";
    console.log(`BENCH lighthouse ${process.argv[2].padEnd(5)} performance=${Math.round(r.categories.performance.score*100)} ` +
      `accessibility=${Math.round(r.categories.accessibility.score*100)} FCP=${ms("first-contentful-paint")} ms ` +
      `LCP=${ms("largest-contentful-paint")} ms TBT=${ms("total-blocking-time")} ms CLS=${a["cumulative-layout-shift"].numericValue.toFixed(3)} ` +
      `transfer=${Math.round(a["total-byte-weight"].numericValue/1024)} KiB`);
  ' "$root/$out/lighthouse-$name.json" "$name"
done

echo "== forwarding layer: a tracking call directly and through the web module =="
node web/bench/proxy-overhead.mjs "$WEB" "$INTAKE" "${PROXY_REQUESTS:-5000}"
