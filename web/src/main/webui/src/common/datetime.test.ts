import { describe, expect, it } from 'vitest'
import { formatBeijing } from './datetime'

describe('formatBeijing', () => {
  it('shows an instant in Beijing time whatever offset it was written with', () => {
    expect(formatBeijing('2026-12-07T06:05:00Z', 'dateTime')).toBe('2026-12-07 14:05')
    expect(formatBeijing('2026-12-07T14:05:00+08:00', 'dateTime')).toBe('2026-12-07 14:05')
  })

  it('moves to the next day in Beijing when UTC is still on the previous day', () => {
    expect(formatBeijing('2026-12-20T16:30:00Z', 'date', 'zh-CN')).toBe('2026-12-21（周一）')
    expect(formatBeijing('2026-12-20T16:30:00Z', 'date', 'en')).toBe('2026-12-21 (Mon)')
  })

  it('formats months and midnight', () => {
    expect(formatBeijing('2026-06-30T16:00:00Z', 'month')).toBe('2026-07')
    expect(formatBeijing('2026-06-30T16:00:00Z', 'dateTime')).toBe('2026-07-01 00:00')
  })

  it('agrees with the time-zone database for instants since 1992', () => {
    const tz = (locale: string, options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', ...options })
    const ymdhm = tz('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    const weekdayZh = tz('zh-CN', { weekday: 'short' })
    const weekdayEn = tz('en-GB', { weekday: 'short' })
    const from = Date.UTC(1992, 0, 1)
    const to = Date.UTC(2100, 0, 1)
    for (let i = 0; i < 2000; i++) {
      const t = from + Math.floor(((i * 7919) % 2000) / 2000 * (to - from)) + i * 60_000
      const p = Object.fromEntries(ymdhm.formatToParts(t).map((x) => [x.type, x.value]))
      const ymd = `${p.year}-${p.month}-${p.day}`
      expect(formatBeijing(t, 'dateTime')).toBe(`${ymd} ${p.hour}:${p.minute}`)
      expect(formatBeijing(t, 'date', 'zh-CN')).toBe(`${ymd}（${weekdayZh.format(t)}）`)
      expect(formatBeijing(t, 'date', 'en')).toBe(`${ymd} (${weekdayEn.format(t)})`)
      expect(formatBeijing(new Date(t), 'month')).toBe(`${p.year}-${p.month}`)
    }
  })

  it('returns an empty string for missing or unreadable values', () => {
    expect(formatBeijing(null)).toBe('')
    expect(formatBeijing(undefined)).toBe('')
    expect(formatBeijing('not a date')).toBe('')
  })
})
