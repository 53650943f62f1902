import { describe, expect, it } from 'vitest'
import { beijingToday, isRankingPeriod, monthPeriod, presetPeriod, quarterPeriod, recentRankingPeriods, shiftMonth } from './period'

describe('periods', () => {
  it('takes today in Beijing', () => {
    expect(beijingToday(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01')
    expect(beijingToday(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11-30')
  })

  it('gives months and quarters with their last day', () => {
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthPeriod('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(quarterPeriod('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' })
    expect(quarterPeriod('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(shiftMonth('2026-01-15', -1)).toBe('2025-12')
  })

  it('resolves the presets', () => {
    expect(presetPeriod('thisMonth', '2026-12-07')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(presetPeriod('lastMonth', '2026-01-07')).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(presetPeriod('thisQuarter', '2026-08-07')).toEqual({ from: '2026-07-01', to: '2026-09-30' })
    expect(presetPeriod('custom', '2026-12-07', '2026-11-03', '2026-11-20')).toEqual({ from: '2026-11-03', to: '2026-11-20' })
    expect(presetPeriod('custom', '2026-12-07', '2026-11-20', '2026-11-03')).toBeNull()
    expect(presetPeriod('custom', '2026-12-07', null, '2026-11-03')).toBeNull()
  })

  it('lists recent months and quarters for the rankings', () => {
    const r = recentRankingPeriods('2026-02-10', 3, 3)
    expect(r.months).toEqual(['2026-02', '2026-01', '2025-12'])
    expect(r.quarters).toEqual(['2026-Q1', '2025-Q4', '2025-Q3'])
    expect(isRankingPeriod('2026-Q4')).toBe(true)
    expect(isRankingPeriod('2026-13')).toBe(false)
  })
})
