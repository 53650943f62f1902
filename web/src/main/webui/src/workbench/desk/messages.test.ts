import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import zh from './messages.zh-CN'
import en from './messages.en'
import { HOTLINE_COLUMNS } from '@/api/desk'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)))
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : []
  })
}

const zhKeys = new Set(leaves(zh as unknown as Tree))
const enKeys = new Set(leaves(en as unknown as Tree))

describe('desk messages', () => {
  it('has the same keys in Chinese and English, none empty except the column hints', () => {
    expect([...enKeys].sort()).toEqual([...zhKeys].sort())
    for (const k of zhKeys) {
      if (k.startsWith('imports.columnHelp.')) continue
      const path = k.split('.')
      const zhText = path.reduce<unknown>((t, p) => (t as Tree)[p], zh)
      const enText = path.reduce<unknown>((t, p) => (t as Tree)[p], en)
      expect(String(zhText).trim(), k).not.toBe('')
      expect(String(enText).trim(), k).not.toBe('')
    }
  })

  it('has every key the desk pages use', () => {
    const used = new Set<string>()
    for (const file of sources(__dirname)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/['`]desk\.([A-Za-z0-9_.]+)['`]/g)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(100)
    const missing = [...used].filter((k) => !zhKeys.has(k))
    expect(missing).toEqual([])
  })

  it('names every import column and its hint', () => {
    for (const c of HOTLINE_COLUMNS) {
      expect(zhKeys.has(`imports.columns.${c}`)).toBe(true)
      expect(zhKeys.has(`imports.columnHelp.${c}`)).toBe(true)
    }
  })

  it('uses no characters vue-i18n would read as syntax', () => {
    for (const k of zhKeys) {
      const path = k.split('.')
      for (const tree of [zh, en]) {
        const text = String(path.reduce<unknown>((t, p) => (t as Tree)[p], tree))
        expect(text, k).not.toMatch(/[@|]/)
      }
    }
  })
})
