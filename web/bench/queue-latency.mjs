// The handler's queue as its API answers through the web module: p50/p95/p99 of the calls the queue page makes,
// with the previous whole-queue call as the baseline in the same run. Prints BENCH lines.
// Usage: node queue-latency.mjs <web base URL> <bearer token>
const [web, token] = process.argv.slice(2)
const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' }

async function time(path) {
  const start = performance.now()
  const response = await fetch(web + path, { headers })
  const body = await response.text()
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${body.slice(0, 200)}`)
  return { ms: performance.now() - start, bytes: body.length }
}

function pct(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function scenario(name, paths, runs) {
  for (let i = 0; i < 20; i++) await time(paths[i % paths.length]) // warm-up
  const ms = []
  let bytes = 0
  for (let i = 0; i < runs; i++) {
    const r = await time(paths[i % paths.length])
    ms.push(r.ms)
    bytes = r.bytes
  }
  const f = (v) => v.toFixed(1)
  console.log(`BENCH queue ${name}: n=${runs} p50=${f(pct(ms, 50))} ms p95=${f(pct(ms, 95))} ms p99=${f(pct(ms, 99))} ms max=${f(Math.max(...ms))} ms body=${bytes} B`)
}

const q = '/api/supervision/work-items/queue'
await scenario('first page (待签收)', [`${q}?tab=TO_SIGN`], 300)
await scenario('in progress by deadline', [`${q}?tab=IN_PROGRESS&sort=deadline`, `${q}?tab=IN_PROGRESS&sort=-deadline`], 300)
await scenario('overdue, filtered (type+channel+urgent)', [`${q}?tab=OVERDUE&type=COMPLAINT&channel=WEB`, `${q}?tab=OVERDUE&urgent=true`], 300)
await scenario('deep page (page 200 of 已办结)', [`${q}?tab=CLOSED&page=200`], 300)
await scenario('case number search', [`${q}?tab=IN_PROGRESS&q=TS2099010100`, `${q}?tab=TO_SIGN&q=0101234`], 300)
await scenario('co-unit cases (协办)', [`${q}?tab=IN_PROGRESS&role=CO`], 300)
await scenario('baseline: whole queue (GET /work-items)', ['/api/supervision/work-items'], 20)
