import type { Period } from '@/api/oversightMetrics'

/** Periods of the analysis pages, in Beijing dates (the server's reporting day). */
export type PeriodPreset = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'custom'
export const PERIOD_PRESETS: PeriodPreset[] = ['thisMonth', 'lastMonth', 'thisQuarter', 'custom']

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** Today in Beijing as yyyy-MM-dd. */
export function beijingToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate() // m: 1-12

export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number)
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` }
}

export function quarterPeriod(quarter: string): Period {
  const [y, q] = quarter.split('-Q').map(Number)
  const first = (q - 1) * 3 + 1
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` }
}

/** yyyy-MM of a yyyy-MM-dd day, moved by `delta` months. */
export function shiftMonth(day: string, delta: number): string {
  const [y, m] = day.split('-').map(Number)
  const index = y * 12 + (m - 1) + delta
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`
}

export function quarterOf(day: string): string {
  const [y, m] = day.split('-').map(Number)
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`
}

/** The dates of a preset on `today`; custom needs both dates (from ≤ to), else null. */
export function presetPeriod(preset: PeriodPreset, today: string, from?: string | null, to?: string | null): Period | null {
  switch (preset) {
    case 'thisMonth':
      return monthPeriod(today.slice(0, 7))
    case 'lastMonth':
      return monthPeriod(shiftMonth(today, -1))
    case 'thisQuarter':
      return quarterPeriod(quarterOf(today))
    case 'custom':
      if (!from || !to || !ISO_DAY.test(from) || !ISO_DAY.test(to) || from > to) return null
      return { from, to }
  }
}

/** A month or a quarter for the rankings: yyyy-MM or yyyy-Qn. */
export function isRankingPeriod(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(value)
}

/** The last `count` months and quarters up to today's, newest first, for a picker. */
export function recentRankingPeriods(today: string, months = 12, quarters = 4): { months: string[]; quarters: string[] } {
  const m: string[] = []
  for (let i = 0; i < months; i++) m.push(shiftMonth(today, -i))
  const q: string[] = []
  for (let i = 0; i < quarters; i++) q.push(quarterOf(`${shiftMonth(today, -3 * i)}-01`))
  return { months: m, quarters: q }
}
