import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { problemSlug, type Problem } from '@/api/problem'
import {
  CLUE_KINDS,
  type ClueAnalytics,
  type ClueFilter,
  type ClueKind,
  type ClueState,
} from '@/api/oversightInspect'

/** Pure helpers of the inspector pages: address query ↔ filter, hashes, months, analytics → tables and series. */

export const CASE_NUMBER = /^[A-Z]{2}\d{12}$/
export const MAX_EXACT_SEED = 9007199254740991

const DAY = /^\d{4}-\d{2}-\d{2}$/
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

function one(v: LocationQuery[string]): string {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s.trim() : ''
}

/** The ledger's filter from the address query; anything unreadable is dropped. */
export function filterFromQuery(query: LocationQuery): ClueFilter {
  const state = one(query.state)
  const kind = one(query.kind)
  const from = one(query.from)
  const to = one(query.to)
  const caseNumber = one(query.caseNumber).toUpperCase()
  return {
    state: state === 'OPEN' || state === 'CLOSED' ? (state as ClueState) : '',
    kind: (CLUE_KINDS as readonly string[]).includes(kind) ? (kind as ClueKind) : '',
    unit: one(query.unit),
    caseNumber: CASE_NUMBER.test(caseNumber) ? caseNumber : '',
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
  }
}

/** The address query of a filter (empty members left out). */
export function queryOfFilter(filter: ClueFilter): LocationQueryRaw {
  const q: LocationQueryRaw = {}
  for (const [k, v] of Object.entries(filter)) if (v) q[k] = v
  return q
}

const pad = (n: number) => String(n).padStart(2, '0')

/** First and last day of a yyyy-MM month. */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number)
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last)}` }
}

/** yyyy-MM moved by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = y * 12 + (m - 1) + delta
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`
}

export function isMonth(value: string): boolean {
  return MONTH.test(value)
}

/** A month range the analytics endpoint accepts: from ≤ to, at most 36 months. */
export function validMonthRange(from: string, to: string): boolean {
  return isMonth(from) && isMonth(to) && from <= to && addMonths(from, 35) >= to
}

/** The ledger filtered to one cell of the analytics (unit optional, kind optional, one month). */
export function ledgerQuery(month: string, kind?: string, unit?: string): LocationQueryRaw {
  const days = monthDays(month)
  return queryOfFilter({ unit, kind: kind as ClueKind | undefined, from: days.from, to: days.to })
}

/** The first 10 characters of a hash, enough to tell entries apart at a glance. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 10)}…` : hash
}

/** The sequence number in a verification's `brokenAt` ("seq 3" → 3), or null. */
export function brokenSeq(brokenAt: string | null | undefined): number | null {
  const m = brokenAt ? /(\d+)/.exec(brokenAt) : null
  return m ? Number(m[1]) : null
}

/** A seed as typed: empty → null (the server picks), a whole number within 2^53 → it, else undefined (invalid). */
export function parseSeed(text: string): number | null | undefined {
  const s = text.trim()
  if (s === '') return null
  if (!/^\d{1,16}$/.test(s)) return undefined
  const n = Number(s)
  return n <= MAX_EXACT_SEED ? n : undefined
}

export interface KindMonthTable {
  months: string[]
  kinds: ClueKind[]
  /** month → kind → count */
  counts: Record<string, Record<string, number>>
  totals: Record<string, number>
}

/** Clues per month and kind, summed over units (every month and kind present, 0 where none). */
export function byMonthAndKind(a: ClueAnalytics, kinds: ClueKind[]): KindMonthTable {
  const counts: Record<string, Record<string, number>> = {}
  const totals: Record<string, number> = {}
  for (const m of a.months) {
    counts[m] = Object.fromEntries(kinds.map((k) => [k, 0]))
    totals[m] = 0
  }
  for (const r of a.rows) {
    if (!counts[r.month] || !kinds.includes(r.kind)) continue
    counts[r.month][r.kind] += r.count
    totals[r.month] += r.count
  }
  return { months: a.months, kinds, counts, totals }
}

export interface UnitMonthRow {
  unit: string
  unitName: string
  month: string
  counts: Record<string, number>
  total: number
}

/** One row per unit and month with any clue of the kinds, units by their total (most first), months in order. */
export function byUnitAndMonth(a: ClueAnalytics, kinds: ClueKind[]): UnitMonthRow[] {
  const rows = new Map<string, UnitMonthRow>()
  for (const r of a.rows) {
    if (!kinds.includes(r.kind)) continue
    const key = `${r.unit}|${r.month}`
    let row = rows.get(key)
    if (!row) {
      row = { unit: r.unit, unitName: r.unitName, month: r.month, counts: Object.fromEntries(kinds.map((k) => [k, 0])), total: 0 }
      rows.set(key, row)
    }
    row.counts[r.kind] += r.count
    row.total += r.count
  }
  const unitTotals = new Map<string, number>()
  for (const row of rows.values()) unitTotals.set(row.unit, (unitTotals.get(row.unit) ?? 0) + row.total)
  return [...rows.values()].sort(
    (x, y) =>
      (unitTotals.get(y.unit) ?? 0) - (unitTotals.get(x.unit) ?? 0) ||
      x.unit.localeCompare(y.unit) ||
      x.month.localeCompare(y.month),
  )
}

/** Per unit, the period's count of each kind (for the stacked bars), units by total, most first. */
export function byUnit(a: ClueAnalytics, kinds: ClueKind[]): { unit: string; unitName: string; counts: Record<string, number>; total: number }[] {
  const units = new Map<string, { unit: string; unitName: string; counts: Record<string, number>; total: number }>()
  for (const r of a.rows) {
    if (!kinds.includes(r.kind)) continue
    let u = units.get(r.unit)
    if (!u) {
      u = { unit: r.unit, unitName: r.unitName, counts: Object.fromEntries(kinds.map((k) => [k, 0])), total: 0 }
      units.set(r.unit, u)
    }
    u.counts[r.kind] += r.count
    u.total += r.count
  }
  return [...units.values()].sort((x, y) => y.total - x.total || x.unit.localeCompare(y.unit))
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/** One sentence for a problem an inspector page got; `specific` maps a slug or status to a text key. */
export function problemText(problem: Problem, t: Translate, specific: Record<string, string> = {}): string {
  const key = specific[problemSlug(problem)] ?? specific[String(problem.status)]
  if (key) return t(key)
  if (problem.status === 0) return t('errors.network')
  const fields = Object.values(problem.fieldErrors)
  if (fields.length > 0) return fields.join('；')
  return problem.title ?? t('errors.generic', { status: problem.status })
}
