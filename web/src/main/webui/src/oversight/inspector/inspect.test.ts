import { describe, expect, it } from 'vitest'
import type { ClueAnalytics } from '@/api/oversightInspect'
import {
  addMonths,
  brokenSeq,
  byMonthAndKind,
  byUnit,
  byUnitAndMonth,
  filterFromQuery,
  ledgerQuery,
  monthDays,
  parseSeed,
  queryOfFilter,
  shortHash,
  validMonthRange,
} from './inspect'

const analytics: ClueAnalytics = {
  from: '2026-10',
  to: '2026-12',
  months: ['2026-10', '2026-11', '2026-12'],
  kinds: ['IMPROPER_RETURN', 'REPEATED_BOUNCING', 'MANUAL'],
  rows: [
    { unit: 'GXJ', unitName: '市工信局', month: '2026-10', kind: 'IMPROPER_RETURN', count: 2 },
    { unit: 'GXJ', unitName: '市工信局', month: '2026-12', kind: 'REPEATED_BOUNCING', count: 1 },
    { unit: 'TAX', unitName: '市税务局', month: '2026-10', kind: 'IMPROPER_RETURN', count: 1 },
    { unit: 'TAX', unitName: '市税务局', month: '2026-10', kind: 'REPEATED_BOUNCING', count: 4 },
    { unit: 'TAX', unitName: '市税务局', month: '2026-11', kind: 'MANUAL', count: 9 },
  ],
}
const kinds = ['IMPROPER_RETURN', 'REPEATED_BOUNCING'] as const

describe('the ledger filter in the address', () => {
  it('keeps what it can read and drops the rest', () => {
    expect(
      filterFromQuery({ state: 'OPEN', kind: 'NOPE', unit: 'TAX', caseNumber: 'ts202612070001', from: '2026-10-01', to: 'x' }),
    ).toEqual({ state: 'OPEN', kind: '', unit: 'TAX', caseNumber: 'TS202612070001', from: '2026-10-01', to: '' })
  })
  it('leaves empty members out of the query', () => {
    expect(queryOfFilter({ state: '', unit: 'TAX', kind: 'IMPROPER_RETURN' })).toEqual({ unit: 'TAX', kind: 'IMPROPER_RETURN' })
  })
  it('links a cell to its unit, kind and whole month', () => {
    expect(ledgerQuery('2026-02', 'REPEATED_BOUNCING', 'GXJ')).toEqual({
      unit: 'GXJ',
      kind: 'REPEATED_BOUNCING',
      from: '2026-02-01',
      to: '2026-02-28',
    })
    expect(ledgerQuery('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' })
  })
})

describe('months', () => {
  it('counts across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })
  it('accepts up to 36 months in order', () => {
    expect(validMonthRange('2024-01', '2026-12')).toBe(true)
    expect(validMonthRange('2023-12', '2026-12')).toBe(false)
    expect(validMonthRange('2026-12', '2026-11')).toBe(false)
    expect(validMonthRange('2026-13', '2026-12')).toBe(false)
  })
})

describe('trail helpers', () => {
  it('shortens a hash and reads the broken entry', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaa…')
    expect(brokenSeq('seq 7')).toBe(7)
    expect(brokenSeq(null)).toBeNull()
  })
  it('reads a seed a browser can hold exactly', () => {
    expect(parseSeed('')).toBeNull()
    expect(parseSeed(' 20261122 ')).toBe(20261122)
    expect(parseSeed('9007199254740991')).toBe(9007199254740991)
    expect(parseSeed('9007199254740992')).toBeUndefined()
    expect(parseSeed('-1')).toBeUndefined()
    expect(parseSeed('1.5')).toBeUndefined()
  })
})

describe('the inaction analytics', () => {
  it('sums units per month and kind, 0 where none, other kinds left out', () => {
    const t = byMonthAndKind(analytics, [...kinds])
    expect(t.counts['2026-10']).toEqual({ IMPROPER_RETURN: 3, REPEATED_BOUNCING: 4 })
    expect(t.counts['2026-11']).toEqual({ IMPROPER_RETURN: 0, REPEATED_BOUNCING: 0 })
    expect(t.totals).toEqual({ '2026-10': 7, '2026-11': 0, '2026-12': 1 })
  })
  it('gives one row per unit and month, the unit with most clues first', () => {
    const rows = byUnitAndMonth(analytics, [...kinds])
    expect(rows.map((r) => `${r.unit} ${r.month} ${r.total}`)).toEqual(['TAX 2026-10 5', 'GXJ 2026-10 2', 'GXJ 2026-12 1'])
    expect(rows[0].counts).toEqual({ IMPROPER_RETURN: 1, REPEATED_BOUNCING: 4 })
  })
  it('totals each unit over the period', () => {
    expect(byUnit(analytics, [...kinds]).map((u) => [u.unit, u.counts.IMPROPER_RETURN, u.counts.REPEATED_BOUNCING])).toEqual([
      ['TAX', 1, 4],
      ['GXJ', 2, 1],
    ])
  })
})

describe('the inaction charts', () => {
  it('draw the same numbers as the tables', async () => {
    const { trendOption, unitOption } = await import('./inactionCharts')
    const t = byMonthAndKind(analytics, [...kinds])
    const trend = trendOption(t, (k) => k) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] }
    expect(trend.xAxis.data).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(trend.series.map((s) => [s.name, s.data])).toEqual([
      ['IMPROPER_RETURN', [3, 0, 0]],
      ['REPEATED_BOUNCING', [4, 0, 1]],
    ])
    const bars = unitOption(byUnit(analytics, [...kinds]), [...kinds], (k) => k) as {
      yAxis: { data: string[] }
      series: { data: number[] }[]
    }
    expect(bars.yAxis.data).toEqual(['市工信局', '市税务局'])
    expect(bars.series.map((s) => s.data)).toEqual([
      [2, 1],
      [1, 4],
    ])
  })
})
