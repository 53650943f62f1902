// What the forwarding layer adds to an API call: the same tracking call (GET a case with its query code) sent
// directly to complaint-intake and through the web module, interleaved in one run, one keep-alive connection each,
// one request at a time. Prints BENCH lines with p50/p90/p99/max of both and the difference.
// usage: node proxy-overhead.mjs <web-url> <intake-url> [requests per path, default 5000]
import http from 'node:http'

const [web, intake, n = '5000'] = process.argv.slice(2)
const requests = Number(n)

function post(url, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let data = ''
      res.on('data', (c) => (data += c))
      res.on('end', () => (res.statusCode === 201 ? resolve(JSON.parse(data)) : reject(new Error(`${res.statusCode} ${data}`))))
    })
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

function timedGet(agent, url) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    http
      .get(url, { agent }, (res) => {
        res.resume()
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${url} → ${res.statusCode}`))
          else resolve(Number(process.hrtime.bigint() - start) / 1e6)
        })
      })
      .on('error', reject)
  })
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const fmt = (x) => x.toFixed(2)

const receipt = await post(`${intake}/api/complaints`, {
  type: 'INQUIRY',
  title: '转发层基准测试',
  content: '这是一条用于测量网页转发层延迟的匿名咨询，请忽略。',
  district: 'D01',
  anonymous: true,
})
const path = `/complaints/${receipt.caseNumber}?queryCode=${receipt.queryCode}`
const direct = { agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), url: `${intake}/api${path}`, times: [] }
const proxied = { agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), url: `${web}/api/intake${path}`, times: [] }

// warm-up: JIT of both JVMs and the connections
for (let i = 0; i < 2000; i++) {
  await timedGet(direct.agent, direct.url)
  await timedGet(proxied.agent, proxied.url)
}
for (let i = 0; i < requests; i++) {
  // alternate which goes first so that neither always meets a warmer cache
  const [a, b] = i % 2 === 0 ? [direct, proxied] : [proxied, direct]
  a.times.push(await timedGet(a.agent, a.url))
  b.times.push(await timedGet(b.agent, b.url))
}
const report = {}
for (const [name, s] of [['direct', direct], ['through-web', proxied]]) {
  const t = [...s.times].sort((x, y) => x - y)
  report[name] = { p50: pct(t, 50), p90: pct(t, 90), p99: pct(t, 99), max: t[t.length - 1] }
  console.log(
    `BENCH proxy ${name.padEnd(12)} n=${t.length} p50=${fmt(report[name].p50)} ms p90=${fmt(report[name].p90)} ms ` +
      `p99=${fmt(report[name].p99)} ms max=${fmt(report[name].max)} ms`,
  )
}
console.log(
  `BENCH proxy added p50=${fmt(report['through-web'].p50 - report.direct.p50)} ms ` +
    `p99=${fmt(report['through-web'].p99 - report.direct.p99)} ms (target ≤ 2 ms at p99)`,
)
direct.agent.destroy()
proxied.agent.destroy()
