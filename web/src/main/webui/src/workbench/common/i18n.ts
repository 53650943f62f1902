import { i18n } from '@/i18n'
import zh from './messages.zh-CN'
import en from './messages.en'

/**
 * The shared workbench components' texts, under `wbCommon.*`, merged when the first of them is loaded (the public
 * pages never download them). Importing this module is enough.
 */
let merged = false
export function mergeCommonMessages(): void {
  if (merged) return
  merged = true
  i18n.global.mergeLocaleMessage('zh-CN', { wbCommon: zh } as never)
  i18n.global.mergeLocaleMessage('en', { wbCommon: en } as never)
}
mergeCommonMessages()
