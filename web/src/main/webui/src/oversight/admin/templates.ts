import type { TemplateSummary } from '@/api/oversightAdmin'

/** One message part (`receipt.sms`) with its Chinese and English texts side by side. */
export interface TemplateGroup {
  key: string
  /** `receipt` of `receipt.sms`. */
  message: string
  channel: string
  byLocale: Record<string, TemplateSummary>
}

/** The template list grouped by message and part, in the service's order. */
export function groupTemplates(list: readonly TemplateSummary[]): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>()
  for (const t of list) {
    const g = groups.get(t.key) ?? {
      key: t.key,
      message: t.key.slice(0, t.key.lastIndexOf('.') > 0 ? t.key.lastIndexOf('.') : t.key.length),
      channel: t.channel,
      byLocale: {},
    }
    g.byLocale[t.locale] = t
    groups.set(t.key, g)
  }
  return [...groups.values()]
}

/** Groups whose key or message name contains the text, of one channel (`''`: every channel). */
export function filterGroups(
  groups: readonly TemplateGroup[],
  text: string,
  channel: string,
  messageName: (message: string) => string = (m) => m,
): TemplateGroup[] {
  const q = text.trim().toLowerCase()
  return groups.filter(
    (g) =>
      (!channel || g.channel === channel) &&
      (!q || g.key.toLowerCase().includes(q) || messageName(g.message).toLowerCase().includes(q)),
  )
}

/** A variable as a Qute expression to insert at the cursor. */
export function variableExpression(name: string): string {
  return `{${name}}`
}

/** Inserts `text` into `value` at [start, end): the new value and where the cursor goes. */
export function insertAt(value: string, start: number, end: number, text: string): { value: string; cursor: number } {
  const s = Math.max(0, Math.min(start, value.length))
  const e = Math.max(s, Math.min(end, value.length))
  return { value: value.slice(0, s) + text + value.slice(e), cursor: s + text.length }
}
