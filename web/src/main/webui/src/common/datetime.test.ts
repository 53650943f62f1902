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

  it('returns an empty string for missing or unreadable values', () => {
    expect(formatBeijing(null)).toBe('')
    expect(formatBeijing(undefined)).toBe('')
    expect(formatBeijing('not a date')).toBe('')
  })
})
