/**
 * Dates and times are always shown in Beijing time (Asia/Shanghai), whatever the device's time zone.
 * This is the one formatting helper; working-day counts come from the server and are never computed here.
 *
 * China has kept UTC+8 without daylight saving time since 1992, so Beijing time is computed by adding eight hours
 * instead of asking Intl.DateTimeFormat: building a time-zone formatter loads the browser's time-zone and locale
 * data, which costs a phone tens of milliseconds on the first page that shows a date. (Instants before 1992 may be
 * an hour off in summer; the platform holds none.)
 */
export const BEIJING = 'Asia/Shanghai'
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

export type DateStyle = 'date' | 'dateTime' | 'month'

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

const two = (n: number) => String(n).padStart(2, '0')

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
  const time = (value instanceof Date ? value : new Date(value)).getTime()
  if (Number.isNaN(time)) return ''
  // the UTC fields of this shifted instant are Beijing's wall-clock fields
  const b = new Date(time + BEIJING_OFFSET_MS)
  const ym = `${b.getUTCFullYear()}-${two(b.getUTCMonth() + 1)}`
  if (style === 'month') return ym
  const ymd = `${ym}-${two(b.getUTCDate())}`
  if (style === 'dateTime') return `${ymd} ${two(b.getUTCHours())}:${two(b.getUTCMinutes())}`
  const zh = locale.startsWith('zh')
  const weekday = (zh ? WEEKDAYS_ZH : WEEKDAYS_EN)[b.getUTCDay()]
  return zh ? `${ymd}（${weekday}）` : `${ymd} (${weekday})`
}
