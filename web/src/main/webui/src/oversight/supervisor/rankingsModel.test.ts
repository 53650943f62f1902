import { describe, expect, it } from 'vitest'
import type { Rankings } from '@/api/oversightMetrics'
import { rankRange, rankingsView, readRankingPeriod, score, scoreInterval } from './rankingsModel'

describe('rankings', () => {
  it('reads the period from the address, else last month', () => {
    expect(readRankingPeriod('2026-Q4', '2026-12-07')).toBe('2026-Q4')
    expect(readRankingPeriod(['2026-10'], '2026-12-07')).toBe('2026-10')
    expect(readRankingPeriod('2026-13', '2026-12-07')).toBe('2026-11')
    expect(readRankingPeriod(undefined, '2026-01-07')).toBe('2025-12')
  })

  it('formats scores, intervals and rank ranges', () => {
    expect(score(91.24)).toBe('91.2')
    expect(score(null)).toBeNull()
    expect(scoreInterval({ scoreLow: 85, scoreHigh: 95.06 })).toEqual(['85.0', '95.1'])
    expect(scoreInterval({ scoreLow: null, scoreHigh: 95 })).toBeNull()
    expect(rankRange({ rank: 1, rankLow: 1, rankHigh: 2 })).toEqual([1, 2])
    expect(rankRange({ rank: 3, rankLow: 3, rankHigh: 3 })).toBeNull()
    expect(rankRange({ rank: 3 })).toBeNull()
  })

  it('orders the ranking and the not-ranked units, and copes with an older answer', () => {
    const r: Rankings = {
      period: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      ranking: [
        { rank: 2, unit: 'B', unitName: 'B', compositeScore: 80, assignments: 10, rates: [] },
        { rank: 1, unit: 'A', unitName: 'A', compositeScore: 90, assignments: 10, rates: [] },
      ],
      redList: [],
      blackList: [],
    }
    const v = rankingsView(r)
    expect(v.ranked.map((e) => e.unit)).toEqual(['A', 'B'])
    expect(v.notRanked).toEqual([])
    expect(v.weights).toBeNull()
    const v2 = rankingsView({
      ...r,
      weights: { response: 30, resolution: 35, satisfaction: 35 },
      notRanked: [
        { unit: 'X', unitName: 'X', assignments: 3, decided: 1, rated: 0, reason: 'INSUFFICIENT_DATA' },
        { unit: 'Y', unitName: 'Y', assignments: 12, decided: 8, rated: 2, reason: 'INSUFFICIENT_DATA' },
      ],
    })
    expect(v2.notRanked.map((e) => e.unit)).toEqual(['Y', 'X'])
    expect(v2.weights?.resolution).toBe(35)
  })
})
