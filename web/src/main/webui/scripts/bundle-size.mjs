#!/usr/bin/env node
// Compressed (gzip) size of the JavaScript and CSS that each portal route loads on a first visit, read from
// dist/.vite/manifest.json (vite build with build.manifest). A route loads the entry (index.html's script) with
// its static imports and CSS, plus the route's page chunk with its static imports and CSS. Lazy chunks
// (keycloak-js, ECharts, the staff areas) count only where a route imports them statically.
//
//   node scripts/bundle-size.mjs [--json] [--budget KB] [--dist DIR]
//
// Exits 1 when a portal route exceeds the budget (default 300 KB, 1 KB = 1024 bytes), or when a portal route
// would load a staff-area or ECharts chunk on first load.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback
}
const dist = resolve(option('--dist', join(import.meta.dirname, '..', 'dist')))
const budgetKb = Number(option('--budget', '300'))
const asJson = args.includes('--json')

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)
if (!entryKey) throw new Error('no entry in the manifest')

// Routes and the modules that render each (none: the entry chunk itself); workbench pages load with its layout.
const WB = 'src/workbench/WorkbenchLayout.vue'
const ROUTES = [
  ['/', []],
  ['/file', ['src/portal/pages/FilePage.vue']],
  ['/receipt', ['src/portal/pages/ReceiptPage.vue']],
  ['/track', ['src/portal/pages/TrackPage.vue']],
  ['/mine', ['src/portal/pages/MinePage.vue']],
  ['/rate/:caseNumber', ['src/portal/pages/RatePage.vue']],
  ['/stats', ['src/portal/pages/StatsPage.vue']],
  ['/workbench/queue', [WB, 'src/workbench/handler/QueuePage.vue']],
  ['/workbench/cases/:caseNumber', [WB, 'src/workbench/handler/CasePage.vue']],
  ['/workbench/hotline', [WB, 'src/workbench/desk/HotlinePage.vue']],
  ['/workbench/letters', [WB, 'src/workbench/desk/LetterPage.vue']],
  ['/workbench/dispatch', [WB, 'src/workbench/desk/DispatchPage.vue']],
]
// what a page must not load on its first visit: the public pages nothing of the staff areas or of the charts; the
// workbench nothing of the public pages, the oversight area or the charts
const PORTAL_FORBIDDEN = [/echarts/, /^src\/workbench\//, /^src\/oversight\//, /keycloak/]
const WORKBENCH_FORBIDDEN = [/echarts/, /^src\/oversight\//, /^src\/portal\/pages\//]
const forbiddenFor = (route) =>
  route.startsWith('/workbench') ? WORKBENCH_FORBIDDEN : route === '/stats' ? [] : PORTAL_FORBIDDEN
const BUDGETED = new Set(['/', '/file', '/receipt', '/track', '/mine', '/rate/:caseNumber'])

const sizeCache = new Map()
function gzipSize(file) {
  if (!sizeCache.has(file)) {
    const bytes = readFileSync(join(dist, file))
    sizeCache.set(file, { raw: bytes.length, gzip: gzipSync(bytes).length })
  }
  return sizeCache.get(file)
}

/** The chunk `key`, its static imports (transitively) and their CSS. */
function closure(key, files = new Set(), keys = new Set()) {
  if (keys.has(key)) return { files, keys }
  keys.add(key)
  const chunk = manifest[key]
  if (!chunk) throw new Error(`not in the manifest: ${key}`)
  files.add(chunk.file)
  for (const css of chunk.css ?? []) files.add(css)
  for (const imported of chunk.imports ?? []) closure(imported, files, keys)
  return { files, keys }
}

const results = []
let failed = false
for (const [route, modules] of ROUTES) {
  const { files, keys } = closure(entryKey)
  for (const m of modules) closure(m, files, keys)
  let raw = 0
  let gzip = 0
  let js = 0
  let css = 0
  for (const f of files) {
    const s = gzipSize(f)
    raw += s.raw
    gzip += s.gzip
    if (f.endsWith('.css')) css += s.gzip
    else js += s.gzip
  }
  const forbidden = [...keys].filter((k) => forbiddenFor(route).some((re) => re.test(k) || re.test(manifest[k].file)))
  const overBudget = BUDGETED.has(route) && gzip > budgetKb * 1024
  if (overBudget || forbidden.length) failed = true
  results.push({ route, files: files.size, rawBytes: raw, gzipBytes: gzip, gzipJs: js, gzipCss: css, overBudget, forbidden })
}

if (asJson) {
  console.log(JSON.stringify({ budgetKb, routes: results }, null, 2))
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`
  console.log(`JS+CSS loaded on first visit (gzip, zlib default level 6; budget ${budgetKb} KB for portal pages)`)
  for (const r of results) {
    const flag = r.overBudget ? '  OVER BUDGET' : r.forbidden.length ? `  LOADS ${r.forbidden.join(', ')}` : ''
    console.log(
      `${r.route.padEnd(18)} ${kb(r.gzipBytes).padStart(9)}  (js ${kb(r.gzipJs)}, css ${kb(r.gzipCss)}, ${r.files} files, raw ${kb(r.rawBytes)})${flag}`,
    )
  }
}
process.exit(failed ? 1 : 0)
