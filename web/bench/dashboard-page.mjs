// The supervisor's dashboard (统计看板) as a supervisor meets it: sign in once, then the time from navigating to
// /oversight/dashboard until its charts are drawn (ECharts' `finished`, marked data-drawn="true" on each chart),
// Debian's chromium, no throttling. Charts are drawn when they come near the screen, so two measures:
//   visible: a 1366×900 window, until every chart on the first screen is drawn;
//   all:     a 1366×2400 window, where all four charts (line, bars, heat map, pie) are on screen, until all are drawn.
// Plus the in-app way there (the 统计看板 link in the oversight navigation). Prints BENCH lines.
// Usage: node dashboard-page.mjs <web base URL> [user] [password] [runs] [query, e.g. "period=lastMonth"]
import { createRequire } from 'node:module'
const require = createRequire(new URL('../src/main/webui/package.json', import.meta.url))
const { chromium } = require('playwright-core')
const [web, user = 'supervisor1', password = `${user}-pass`, runsArg, query = ''] = process.argv.slice(2)
const runs = Number(runsArg ?? 10)
const target = `${web}/oversight/dashboard${query ? `?${query}` : ''}`

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
await page.goto(`${web}/oversight`)
await page.getByRole('button', { name: '登录' }).first().click()
await page.fill('#username', user)
await page.fill('#password', password)
await page.click('#kc-login')
await page.getByRole('link', { name: '统计看板' }).first().waitFor({ timeout: 30000 })

/** true when the charts (those on screen, or all) are drawn; a failed load counts as a failure, not as drawn */
const drawn = (onlyVisible) => {
  if (document.querySelector('[role="alert"]')) throw new Error(document.querySelector('[role="alert"]').textContent)
  const charts = [...document.querySelectorAll('[data-chart]')]
  const wanted = onlyVisible ? charts.filter((c) => c.getBoundingClientRect().top < window.innerHeight) : charts
  return (onlyVisible ? wanted.length > 0 : charts.length >= 4) && wanted.every((c) => c.dataset.drawn === 'true')
}

async function measure(label, height, onlyVisible, navigate) {
  await page.setViewportSize({ width: 1366, height })
  const ms = []
  for (let i = 0; i < runs; i++) {
    await page.goto(`${web}/oversight`)
    await page.getByRole('link', { name: '统计看板' }).first().waitFor()
    const start = Date.now()
    await navigate()
    await page.waitForFunction(drawn, onlyVisible, { polling: 'raf', timeout: 30000 })
    ms.push(Date.now() - start)
  }
  ms.sort((a, b) => a - b)
  console.log(`BENCH dashboard page: ${label} n=${runs} median=${ms[Math.floor(runs / 2)]} ms max=${ms[runs - 1]} ms`)
}

const load = () => page.goto(target)
const click = () => page.getByRole('link', { name: '统计看板' }).first().click()
await measure('full page load (sign-in check with Keycloak included) to the first screen of charts drawn', 900, true, load)
await measure('full page load to all four charts drawn (1366x2400 window)', 2400, false, load)
await measure('in-app navigation (统计看板 link) to all four charts drawn (1366x2400 window)', 2400, false, click)
await browser.close()
