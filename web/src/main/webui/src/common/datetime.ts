/**
 * Dates and times are always shown in Beijing time (Asia/Shanghai), whatever the device's time zone.
 * This is the one formatting helper; working-day counts come from the server and are never computed here.
 */
export const BEIJING = 'Asia/Shanghai'

export type DateStyle = 'date' | 'dateTime' | 'month'

const cache = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}|${style}`
  let f = cache.get(key)
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { timeZone: BEIJING, year: 'numeric', month: 'numeric', day: 'numeric' }
    if (style === 'date') options.weekday = 'short'
    if (style === 'dateTime') {
      options.hour = '2-digit'
      options.minute = '2-digit'
      options.hourCycle = 'h23'
    }
    f = new Intl.DateTimeFormat(locale.startsWith('zh') ? 'zh-CN' : 'en-GB', options)
    cache.set(key, f)
  }
  return f
}

/**
 * Formats an instant (ISO 8601 string with offset, epoch millis or Date) in Beijing time:
 * `date` → "2026-12-21（周一）" / "2026-12-21 (Mon)", `dateTime` → "2026-12-21 14:05", `month` → "2026-12".
 * Returns "" for a missing or unreadable value.
 */
export function formatBeijing(
  value: string | number | Date | null | undefined,
  style: DateStyle = 'dateTime',
  locale = 'zh-CN',
): string {
  if (value === null || value === undefined || value === '') return ''
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const parts: Record<string, string> = {}
  for (const p of formatter(locale, style).formatToParts(date)) parts[p.type] = p.value
  const month = parts.month.padStart(2, '0')
  const ymd = style === 'month' ? `${parts.year}-${month}` : `${parts.year}-${month}-${parts.day.padStart(2, '0')}`
  if (style === 'dateTime') return `${ymd} ${parts.hour.padStart(2, '0')}:${parts.minute.padStart(2, '0')}`
  if (style === 'date') return locale.startsWith('zh') ? `${ymd}（${parts.weekday}）` : `${ymd} (${parts.weekday})`
  return ymd
}
