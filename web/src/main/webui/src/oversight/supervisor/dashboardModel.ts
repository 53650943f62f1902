import type {
  Dashboard,
  DashboardChannel,
  DashboardDay,
  DashboardOverdue,
  DashboardUnit,
  MetricsFilters,
  Rate,
} from '@/api/oversightMetrics'
import { PERIOD_PRESETS, type PeriodPreset } from '../common/period'

/** The five rates of the per-unit chart, in the order of the issue (响应, 按时办结, 办结, 满意, 解决). */
export const UNIT_RATES = ['responseRate', 'onTimeCompletionRate', 'closureRate', 'satisfactionRate', 'resolutionRate'] as const
export type UnitRateName = (typeof UNIT_RATES)[number]

export const FILTER_KEYS = ['unit', 'district', 'channel', 'category', 'type'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]

/** 0.9345 → "93.5%" (one decimal, half up); null (no decided case) → null. */
export function percent(rate: number | null | undefined): string | null {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return null
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/** The rate as a percentage number for a chart (one decimal), null when there is no decided case. */
export function percentValue(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return null
  return Math.round(rate * 1000) / 10
}

export function findRate(rates: readonly Rate[] | null | undefined, name: string): Rate | null {
  return rates?.find((r) => r.name === name) ?? null
}

/** Units sorted by one rate, highest first; units without a decided case last; ties by unit code. */
export function sortUnits(units: readonly DashboardUnit[], by: string): DashboardUnit[] {
  return [...units].sort((a, b) => {
    const ra = findRate(a.rates, by)?.rate ?? null
    const rb = findRate(b.rates, by)?.rate ?? null
    if (ra === null && rb !== null) return 1
    if (rb === null && ra !== null) return -1
    if (ra !== null && rb !== null && ra !== rb) return rb - ra
    return a.unit.localeCompare(b.unit)
  })
}

export interface UnitRateSeries {
  /** Unit codes in display order (first = top of the chart). */
  units: string[]
  series: { rate: string; values: (number | null)[]; rates: (Rate | null)[] }[]
}

/** The bars per unit: one series per rate, units in the order of `by`. */
export function unitRateSeries(units: readonly DashboardUnit[], by: string, rates: readonly string[] = UNIT_RATES): UnitRateSeries {
  const sorted = sortUnits(units, by)
  return {
    units: sorted.map((u) => u.unit),
    series: rates.map((rate) => {
      const found = sorted.map((u) => findRate(u.rates, rate))
      return { rate, rates: found, values: found.map((r) => percentValue(r?.rate)) }
    }),
  }
}

/** "1/2" and the pending count of a rate, for tooltips and tables. */
export function fraction(r: Rate | null | undefined): string {
  if (!r) return ''
  return `${r.numerator}/${r.denominator}`
}

export interface DailyTotals {
  received: number
  closed: number
}

export function dailyTotals(daily: readonly DashboardDay[]): DailyTotals {
  return daily.reduce((t, d) => ({ received: t.received + d.received, closed: t.closed + d.closed }), { received: 0, closed: 0 })
}

export interface OverdueMatrix {
  /** unit codes, most overdue first */
  units: string[]
  /** category codes, most overdue first */
  categories: string[]
  /** [categoryIndex, unitIndex, count] for every non-zero cell */
  cells: [number, number, number][]
  /** count[unitIndex][categoryIndex] (0 where none) */
  counts: number[][]
  unitTotals: number[]
  categoryTotals: number[]
  total: number
  max: number
}

const byTotalThenCode = (totals: Map<string, number>) => (a: string, b: string) =>
  (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b)

/** The heat map of open overdue cases, unit × category (the same unit × category pair may come more than once). */
export function overdueMatrix(overdue: readonly DashboardOverdue[]): OverdueMatrix {
  const unitTotal = new Map<string, number>()
  const categoryTotal = new Map<string, number>()
  const pair = new Map<string, number>()
  for (const o of overdue) {
    if (!o.count) continue
    unitTotal.set(o.unit, (unitTotal.get(o.unit) ?? 0) + o.count)
    categoryTotal.set(o.category, (categoryTotal.get(o.category) ?? 0) + o.count)
    const k = `${o.unit}\u0000${o.category}`
    pair.set(k, (pair.get(k) ?? 0) + o.count)
  }
  const units = [...unitTotal.keys()].sort(byTotalThenCode(unitTotal))
  const categories = [...categoryTotal.keys()].sort(byTotalThenCode(categoryTotal))
  const counts = units.map((u) => categories.map((c) => pair.get(`${u}\u0000${c}`) ?? 0))
  const cells: [number, number, number][] = []
  let max = 0
  counts.forEach((row, y) =>
    row.forEach((n, x) => {
      if (n > 0) cells.push([x, y, n])
      max = Math.max(max, n)
    }),
  )
  return {
    units,
    categories,
    cells,
    counts,
    unitTotals: units.map((u) => unitTotal.get(u) ?? 0),
    categoryTotals: categories.map((c) => categoryTotal.get(c) ?? 0),
    total: [...unitTotal.values()].reduce((a, b) => a + b, 0),
    max,
  }
}

export interface ChannelShare {
  channel: string
  received: number
  /** share of all received, 0..1 (null when nothing was received) */
  share: number | null
}

export function channelShares(channels: readonly DashboardChannel[]): ChannelShare[] {
  const total = channels.reduce((s, c) => s + c.received, 0)
  return [...channels]
    .sort((a, b) => b.received - a.received || a.channel.localeCompare(b.channel))
    .map((c) => ({ channel: c.channel, received: c.received, share: total > 0 ? c.received / total : null }))
}

// ---------- the page's state in the address ----------

export interface DashboardState {
  preset: PeriodPreset
  from: string | null
  to: string | null
  filters: Record<FilterKey, string | null>
  sort: UnitRateName
}

type QueryValue = string | null | (string | null)[] | undefined
const single = (v: QueryValue): string | null => {
  const s = Array.isArray(v) ? v[0] : v
  return s === undefined || s === null || s === '' ? null : s
}

/** Reads the dashboard's state from the address query (unknown values fall back to 本月 / 响应率). */
export function readDashboardQuery(query: Record<string, QueryValue>): DashboardState {
  const preset = single(query.period) as PeriodPreset | null
  const sort = single(query.sort) as UnitRateName | null
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, single(query[k])])) as Record<FilterKey, string | null>
  const from = single(query.from)
  const to = single(query.to)
  return {
    preset: preset && PERIOD_PRESETS.includes(preset) ? preset : from && to ? 'custom' : 'thisMonth',
    from,
    to,
    filters,
    sort: sort && (UNIT_RATES as readonly string[]).includes(sort) ? sort : 'responseRate',
  }
}

/** The address query of a state; defaults and empty values are left out. */
export function dashboardQuery(state: DashboardState): Record<string, string> {
  const q: Record<string, string> = {}
  if (state.preset !== 'thisMonth') q.period = state.preset
  if (state.preset === 'custom') {
    if (state.from) q.from = state.from
    if (state.to) q.to = state.to
  }
  for (const k of FILTER_KEYS) if (state.filters[k]) q[k] = state.filters[k] as string
  if (state.sort !== 'responseRate') q.sort = state.sort
  return q
}

export function activeFilters(filters: Record<FilterKey, string | null>): MetricsFilters {
  return Object.fromEntries(FILTER_KEYS.filter((k) => filters[k]).map((k) => [k, filters[k]]))
}

/** True when the answer has nothing to draw at all. */
export function isEmptyDashboard(d: Dashboard): boolean {
  return (
    d.daily.every((x) => x.received === 0 && x.closed === 0) &&
    d.units.length === 0 &&
    d.overdue.length === 0 &&
    d.channels.every((c) => c.received === 0)
  )
}
