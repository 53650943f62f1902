import { i18n } from '@/i18n'
import handlerZh from './handler/messages.zh-CN'
import handlerEn from './handler/messages.en'
import deskZh from './desk/messages.zh-CN'
import deskEn from './desk/messages.en'
import { workbenchZh, workbenchEn } from './messages'

/**
 * The workbench's texts live in its own chunk: merged into the application's messages when the workbench is first
 * opened, so the public pages never download them. Keys: `wb.*` (layout), `handler.*`, `desk.*`.
 */
let merged = false
export function mergeWorkbenchMessages(): void {
  if (merged) return
  merged = true
  i18n.global.mergeLocaleMessage('zh-CN', { wb: workbenchZh, handler: handlerZh, desk: deskZh } as never)
  i18n.global.mergeLocaleMessage('en', { wb: workbenchEn, handler: handlerEn, desk: deskEn } as never)
}
mergeWorkbenchMessages()
