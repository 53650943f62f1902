import { describe, expect, it } from 'vitest'
// vue-i18n's full build with its own message compiler (the application's build uses the runtime build)
// @ts-expect-error the file has no declarations of its own (vue-i18n's full build; typed below)
import { createI18n as fullBuildCreateI18n } from 'vue-i18n/dist/vue-i18n.mjs'
import { createI18n } from 'vue-i18n'
import { compileMessage, parseMessage, unsupportedSyntax } from './compile'
import portalZh from './zh-CN'
import portalEn from './en'
import { workbenchZh, workbenchEn } from '../workbench/messages'
import handlerZh from '../workbench/handler/messages.zh-CN'
import handlerEn from '../workbench/handler/messages.en'
import deskZh from '../workbench/desk/messages.zh-CN'
import deskEn from '../workbench/desk/messages.en'
import wbCommonZh from '../workbench/common/messages.zh-CN'
import wbCommonEn from '../workbench/common/messages.en'
import { oversightZh, oversightEn } from '../oversight/messages'
import supervisorZh from '../oversight/supervisor/messages.zh-CN'
import supervisorEn from '../oversight/supervisor/messages.en'
import inspectorZh from '../oversight/inspector/messages.zh-CN'
import inspectorEn from '../oversight/inspector/messages.en'
import adminZh from '../oversight/admin/messages.zh-CN'
import adminEn from '../oversight/admin/messages.en'

type Tree = { [key: string]: unknown }
type MakeI18n = (options: object) => I18nLike
const makeOurs = createI18n as unknown as MakeI18n
const makeReference = fullBuildCreateI18n as MakeI18n
const all: Record<'zh-CN' | 'en', Tree> = {
  'zh-CN': {
    ...portalZh,
    wb: workbenchZh,
    handler: handlerZh,
    desk: deskZh,
    wbCommon: wbCommonZh,
    ov: oversightZh,
    sup: supervisorZh,
    insp: inspectorZh,
    adm: adminZh,
  },
  en: {
    ...portalEn,
    wb: workbenchEn,
    handler: handlerEn,
    desk: deskEn,
    wbCommon: wbCommonEn,
    ov: oversightEn,
    sup: supervisorEn,
    insp: inspectorEn,
    adm: adminEn,
  },
}

type I18nLike = { global: { t(key: string, values: object): string } }

function texts(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]]
  if (Array.isArray(tree)) return tree.flatMap((v, i) => texts(v, `${prefix}.${i}`))
  if (tree && typeof tree === 'object')
    return Object.entries(tree).flatMap(([k, v]) => texts(v, prefix ? `${prefix}.${k}` : k))
  return []
}

describe('compileMessage', () => {
  it('splits text, named and positional placeholders and literals', () => {
    expect(parseMessage('已输入 {used} / {max} 字')).toEqual(['已输入 ', { named: 'used' }, ' / ', { named: 'max' }, ' 字'])
    expect(parseMessage('{0} 天')).toEqual([{ list: 0 }, ' 天'])
    expect(parseMessage("邮箱 a{'@'}b.cn")).toEqual(['邮箱 a@b.cn'])
    expect(parseMessage('')).toEqual([''])
  })

  it('names what it cannot compile', () => {
    expect(unsupportedSyntax('一个 | 多个')).toContain("'|'")
    expect(unsupportedSyntax('@:other.key')).toContain("'@'")
    expect(unsupportedSyntax('{ unclosed')).toContain("'{'")
    expect(unsupportedSyntax('{name} 与 {0}')).toBeUndefined()
  })

  for (const locale of ['zh-CN', 'en'] as const) {
    const entries = texts(all[locale])

    it(`accepts every ${locale} text of the application (${entries.length})`, () => {
      const unsupported = entries.flatMap(([key, text]) => {
        const why = unsupportedSyntax(text)
        return why ? [`${key}: ${why}`] : []
      })
      expect(unsupported).toEqual([])
    })

    it(`renders every ${locale} text as vue-i18n's own compiler does`, () => {
      const messages = { [locale]: all[locale] } as never
      const ours = makeOurs({ legacy: false, locale, messages, messageCompiler: compileMessage })
      const reference = makeReference({ legacy: false, locale, messages })
      const different: string[] = []
      for (const [key, text] of entries) {
        const params: Record<string, string> = {}
        for (const part of parseMessage(text)) if (typeof part !== 'string' && 'named' in part) params[part.named] = `<${part.named}>`
        const list = ['<0>', '<1>', '<2>']
        const a = ours.global.t(key, { ...params, ...list })
        const b = reference.global.t(key, { ...params, ...list })
        if (a !== b) different.push(`${key}: ${a} ≠ ${b}`)
      }
      expect(different).toEqual([])
    })
  }
})
