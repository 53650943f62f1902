import { describe, expect, it } from 'vitest'
import type { DashboardUnit, Rate } from '@/api/oversightMetrics'
import {
  activeFilters,
  channelShares,
  dailyTotals,
  dashboardQuery,
  fraction,
  overdueMatrix,
  percent,
  percentValue,
  readDashboardQuery,
  sortUnits,
  unitRateSeries,
} from './dashboardModel'
import { dailyOption, unitRatesOption, overdueOption, channelOption, escapeHtml, type ChartWords } from './dashboardCharts'

const rate = (name: string, numerator: number, denominator: number, pending = 0): Rate => ({
  name,
  nameZh: name,
  numerator,
  denominator,
  pending,
  rate: denominator === 0 ? null : numerator / denominator,
})
const unit = (code: string, response: [number, number, number?], satisfaction: [number, number]): DashboardUnit => ({
  unit: code,
  unitName: `${code}局`,
  compositeScore: null,
  rates: [rate('responseRate', response[0], response[1], response[2] ?? 0), rate('satisfactionRate', ...satisfaction)],
})

const words: ChartWords = {
  received: '受理',
  closed: '办结',
  rateName: (n) => `R:${n}`,
  unitName: (c) => `U:${c}`,
  categoryName: (c) => `C:${c}`,
  channelName: (c) => `CH:${c}`,
  rateDetail: (r) => (r ? `${percent(r.rate) ?? '无数据'}（${fraction(r)}，待定 ${r.pending ?? 0}）` : '无数据'),
  overdueCell: (u, c, n) => `${u}/${c}/${n}`,
  channelCell: (c, n, s) => `${c}:${n}:${s}`,
}

describe('percent', () => {
  it('gives one decimal, half up, and null when no case is decided', () => {
    expect(percent(0.5)).toBe('50.0%')
    expect(percent(1 / 1213)).toBe('0.1%')
    expect(percent(0.99949)).toBe('99.9%')
    expect(percent(1)).toBe('100.0%')
    expect(percent(null)).toBeNull()
    expect(percentValue(0.9345)).toBe(93.5)
    expect(percentValue(null)).toBeNull()
  })
})

describe('units by rate', () => {
  const units = [unit('B', [1, 2], [3, 3]), unit('A', [0, 0, 1213], [1, 4]), unit('C', [9, 10], [0, 0])]

  it('sorts highest first, units without a decided case last', () => {
    expect(sortUnits(units, 'responseRate').map((u) => u.unit)).toEqual(['C', 'B', 'A'])
    expect(sortUnits(units, 'satisfactionRate').map((u) => u.unit)).toEqual(['B', 'A', 'C'])
  })

  it('gives one series per rate, in the sorted order, with the rates behind each bar', () => {
    const s = unitRateSeries(units, 'responseRate', ['responseRate', 'satisfactionRate'])
    expect(s.units).toEqual(['C', 'B', 'A'])
    expect(s.series[0].values).toEqual([90, 50, null])
    expect(s.series[1].values).toEqual([null, 100, 25])
    expect(s.series[0].rates[2]?.pending).toBe(1213)
  })

  it('draws the first unit at the top and puts numerator, denominator and pending in the tooltip', () => {
    const s = unitRateSeries(units, 'responseRate', ['responseRate'])
    const option = unitRatesOption(s, words) as { yAxis: { data: string[] }; series: { data: unknown[] }[]; tooltip: { formatter: (p: unknown) => string } }
    expect(option.yAxis.data).toEqual(['U:A', 'U:B', 'U:C'])
    expect(option.series[0].data).toEqual([null, 50, 90])
    const html = option.tooltip.formatter([{ dataIndex: 0, seriesIndex: 0, marker: '' }])
    expect(html).toContain('U:A')
    expect(html).toContain('无数据（0/0，待定 1213）')
  })
})

describe('daily', () => {
  it('sums the period and draws both lines over every day', () => {
    const daily = [
      { day: '2026-11-01', received: 12, closed: 9 },
      { day: '2026-11-02', received: 0, closed: 3 },
    ]
    expect(dailyTotals(daily)).toEqual({ received: 12, closed: 12 })
    const o = dailyOption(daily, words) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] }
    expect(o.xAxis.data).toEqual(['11-01', '11-02'])
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['受理', [12, 0]],
      ['办结', [9, 3]],
    ])
  })
})

describe('overdue heat map', () => {
  const m = overdueMatrix([
    { unit: 'CZJ', category: 'TAX', count: 3 },
    { unit: 'SCJG', category: 'TAX', count: 1 },
    { unit: 'SCJG', category: 'PERMIT', count: 5 },
    { unit: 'CZJ', category: 'TAX', count: 1 },
    { unit: 'ZJJ', category: 'PERMIT', count: 0 },
  ])

  it('orders units and categories by their totals and keeps every count', () => {
    expect(m.units).toEqual(['SCJG', 'CZJ'])
    expect(m.categories).toEqual(['PERMIT', 'TAX'])
    expect(m.counts).toEqual([
      [5, 1],
      [0, 4],
    ])
    expect(m.unitTotals).toEqual([6, 4])
    expect(m.categoryTotals).toEqual([5, 5])
    expect(m.total).toBe(10)
    expect(m.max).toBe(5)
    expect(m.cells).toEqual([
      [0, 0, 5],
      [1, 0, 1],
      [1, 1, 4],
    ])
  })

  it('names the cell in the tooltip', () => {
    const o = overdueOption(m, words) as { tooltip: { formatter: (p: unknown) => string } }
    expect(o.tooltip.formatter({ value: [1, 1, 4] })).toBe('CZJ/TAX/4')
  })
})

describe('channel mix', () => {
  it('gives each channel its share, largest first', () => {
    const shares = channelShares([
      { channel: 'WEB', received: 10 },
      { channel: 'HOTLINE', received: 30 },
    ])
    expect(shares).toEqual([
      { channel: 'HOTLINE', received: 30, share: 0.75 },
      { channel: 'WEB', received: 10, share: 0.25 },
    ])
    const o = channelOption(shares, words) as { series: { data: unknown[] }[] }
    expect(o.series[0].data).toEqual([
      { name: 'CH:HOTLINE', value: 30 },
      { name: 'CH:WEB', value: 10 },
    ])
    expect(channelShares([{ channel: 'WEB', received: 0 }])[0].share).toBeNull()
  })
})

describe('address query', () => {
  it('reads defaults and keeps only what differs from them', () => {
    const s = readDashboardQuery({})
    expect(s.preset).toBe('thisMonth')
    expect(s.sort).toBe('responseRate')
    expect(dashboardQuery(s)).toEqual({})
  })

  it('round-trips a custom period with filters', () => {
    const q = { period: 'custom', from: '2026-11-03', to: '2026-11-20', unit: 'CZJ', channel: 'HOTLINE', sort: 'closureRate' }
    const s = readDashboardQuery(q)
    expect(s.filters).toEqual({ unit: 'CZJ', district: null, channel: 'HOTLINE', category: null, type: null })
    expect(dashboardQuery(s)).toEqual(q)
    expect(activeFilters(s.filters)).toEqual({ unit: 'CZJ', channel: 'HOTLINE' })
  })

  it('falls back on unknown values', () => {
    const s = readDashboardQuery({ period: 'nonsense', sort: 'nope', unit: '' })
    expect(s.preset).toBe('thisMonth')
    expect(s.sort).toBe('responseRate')
    expect(s.filters.unit).toBeNull()
  })
})

it('escapes names in tooltips', () => {
  expect(escapeHtml('<b>"x" & y</b>')).toBe('&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;')
})
