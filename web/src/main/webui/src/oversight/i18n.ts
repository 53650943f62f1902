import { i18n } from '@/i18n'
import supervisorZh from './supervisor/messages.zh-CN'
import supervisorEn from './supervisor/messages.en'
import inspectorZh from './inspector/messages.zh-CN'
import inspectorEn from './inspector/messages.en'
import adminZh from './admin/messages.zh-CN'
import adminEn from './admin/messages.en'
import { oversightZh, oversightEn } from './messages'

/**
 * The oversight area's texts live in its own chunk, merged into the application's messages when the area is first
 * opened. Keys: `ov.*` (layout and shared parts), `sup.*`, `insp.*`, `adm.*`.
 */
let merged = false
export function mergeOversightMessages(): void {
  if (merged) return
  merged = true
  i18n.global.mergeLocaleMessage('zh-CN', { ov: oversightZh, sup: supervisorZh, insp: inspectorZh, adm: adminZh } as never)
  i18n.global.mergeLocaleMessage('en', { ov: oversightEn, sup: supervisorEn, insp: inspectorEn, adm: adminEn } as never)
}
mergeOversightMessages()
