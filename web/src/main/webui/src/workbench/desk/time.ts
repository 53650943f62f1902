import type { Translate } from './problems'

/** Whole days, hours and minutes from `from` to `now` (never negative). */
export function elapsedParts(from: string | null | undefined, now: number = Date.now()) {
  const at = from ? Date.parse(from) : Number.NaN
  if (Number.isNaN(at)) return null
  const minutes = Math.max(0, Math.floor((now - at) / 60000))
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60, total: minutes }
}

/** "2 天 3 小时", "3 小时 5 分", "12 分钟": waiting times in a queue, at most two units. */
export function formatElapsed(from: string | null | undefined, t: Translate, now: number = Date.now()): string {
  const p = elapsedParts(from, now)
  if (!p) return t('common.none')
  if (p.days > 0) return t('desk.time.daysHours', { d: p.days, h: p.hours })
  if (p.hours > 0) return t('desk.time.hoursMinutes', { h: p.hours, m: p.minutes })
  return t('desk.time.minutes', { m: p.minutes })
}

/** Confidence 0–1 as a whole percentage: 0.8749 → "87 %". */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  return `${Math.round(value * 100)}%`
}
