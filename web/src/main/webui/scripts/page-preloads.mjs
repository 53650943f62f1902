// Vite plugin: writes dist/page-preloads.json, what the web module adds to index.html's <head> for a page address so
// that the browser fetches the page's own chunks (and the first API answer it needs) together with the entry,
// instead of one after another (entry → router → page chunk → API call: three round trips on a phone).
//
//   { "pages": { "<first path segment>": { "modulepreload": ["/assets/…js"], "style": ["/assets/…css"],
//                                           "fetch": ["/api/…"] } } }
//
// "modulepreload" and "style" are the page chunk (with `dynamic`, also the chunks it imports dynamically, which it
// loads at once) and their static imports that the entry does not load already;
// "fetch" entries may name {caseNumber} (the second path segment) and {token} (the `token` query parameter), which
// the web module fills in only when they are plain case numbers and tokens (see PageShell).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * @param {Record<string, { module: string, dynamic?: boolean, fetch?: string[] }>} pages first path segment → page
 *   module, whether its dynamic imports count, and its first API fetches
 * @returns {import('vite').Plugin}
 */
export function pagePreloads(pages) {
  let base = '/'
  return {
    name: 'openysb-page-preloads',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    writeBundle(options) {
      const dir = options.dir
      const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'))
      const closure = (key, keys = new Set()) => {
        if (keys.has(key) || !manifest[key]) return keys
        keys.add(key)
        for (const imported of manifest[key].imports ?? []) closure(imported, keys)
        return keys
      }
      const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)
      const inEntry = closure(entryKey)
      const out = {}
      for (const [segment, page] of Object.entries(pages)) {
        if (!manifest[page.module]) throw new Error(`page-preloads: ${page.module} is not a chunk of the build`)
        const modules = [page.module, ...(page.dynamic ? (manifest[page.module].dynamicImports ?? []) : [])]
        const all = new Set()
        for (const m of modules) closure(m, all)
        const keys = [...all].filter((k) => !inEntry.has(k))
        out[segment] = {
          modulepreload: keys.map((k) => base + manifest[k].file),
          style: [...new Set(keys.flatMap((k) => manifest[k].css ?? []))].map((f) => base + f),
          fetch: page.fetch ?? [],
        }
      }
      writeFileSync(join(dir, 'page-preloads.json'), JSON.stringify({ pages: out }, null, 2) + '\n')
    },
  }
}
