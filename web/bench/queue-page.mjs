// The queue page as a handler meets it: sign in once, then the time from navigating to /workbench/queue until its
// first rows are on screen (Debian's chromium, no throttling). Prints BENCH lines.
// Usage: node queue-page.mjs <web base URL> <user> <password> [runs]
import { createRequire } from 'node:module'
const require = createRequire(new URL('../src/main/webui/package.json', import.meta.url))
const { chromium } = require('playwright-core')
const [web, user, password, runsArg] = process.argv.slice(2)
const runs = Number(runsArg ?? 10)

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 1366, height: 800 } })
await page.goto(`${web}/workbench/queue`)
await page.getByRole('button', { name: '登录' }).first().click()
await page.fill('#username', user)
await page.fill('#password', password)
await page.click('#kc-login')
await page.locator('[data-testid^="queue-row-"]').first().waitFor({ timeout: 30000 })

const ms = []
for (let i = 0; i < runs; i++) {
  await page.goto(`${web}/`)
  await page.getByRole('link', { name: '工作台' }).first().waitFor()
  const start = Date.now()
  await page.goto(`${web}/workbench/queue?tab=IN_PROGRESS`)
  await page.locator('[data-testid^="queue-row-"]').first().waitFor({ timeout: 30000 })
  ms.push(Date.now() - start)
}
ms.sort((a, b) => a - b)
console.log(`BENCH queue page: full page load (sign-in check with Keycloak included) to first rows n=${runs} median=${ms[Math.floor(runs / 2)]} ms max=${ms[runs - 1]} ms`)

// the usual way there: a signed-in user clicks 工作台 in the header
const inApp = []
for (let i = 0; i < runs; i++) {
  await page.goto(`${web}/`)
  const link = page.getByRole('link', { name: '工作台' }).first()
  await link.waitFor()
  const start = Date.now()
  await link.click()
  await page.locator('[data-testid^="queue-row-"]').first().waitFor({ timeout: 30000 })
  inApp.push(Date.now() - start)
}
inApp.sort((a, b) => a - b)
console.log(`BENCH queue page: in-app navigation (header link) to first rows n=${runs} median=${inApp[Math.floor(runs / 2)]} ms max=${inApp[runs - 1]} ms`)
await browser.close()
