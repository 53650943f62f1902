import type { CalendarDay, CalendarOverview, HolidayNotice } from '@/api/oversightAdmin'

export type DayKind = 'holiday' | 'makeUp' | 'weekend' | 'workday'

export interface MonthDay {
  date: string
  day: number
  /** 0 = Monday … 6 = Sunday. */
  weekday: number
  kind: DayKind
  name: string | null
}

export interface Month {
  month: number
  /** Empty cells before the 1st in a Monday-first week. */
  lead: number
  days: MonthDay[]
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * The twelve months of a year as a Monday-first calendar: a listed off day is a holiday (休), a listed working day a
 * make-up working day (班), the rest weekend or working day by the day of the week.
 */
export function monthsOf(year: number, days: readonly CalendarDay[]): Month[] {
  const listed = new Map(days.map((d) => [d.date, d]))
  const months: Month[] = []
  for (let m = 1; m <= 12; m++) {
    const count = new Date(Date.UTC(year, m, 0)).getUTCDate()
    const first = (new Date(Date.UTC(year, m - 1, 1)).getUTCDay() + 6) % 7
    const out: MonthDay[] = []
    for (let d = 1; d <= count; d++) {
      const date = `${year}-${pad(m)}-${pad(d)}`
      const weekday = (first + d - 1) % 7
      const l = listed.get(date)
      const kind: DayKind = l ? (l.offDay ? 'holiday' : 'makeUp') : weekday >= 5 ? 'weekend' : 'workday'
      out.push({ date, day: d, weekday, kind, name: l?.name ?? null })
    }
    months.push({ month: m, lead: first, days: out })
  }
  return months
}

/** Working days of a year by this calendar (weekdays, less holidays, plus make-up days). */
export function workingDayCount(months: readonly Month[]): number {
  return months.reduce((n, m) => n + m.days.filter((d) => d.kind === 'workday' || d.kind === 'makeUp').length, 0)
}

/** The holidays of a year grouped by name, in date order, with their off and make-up dates. */
export function holidaysOf(days: readonly CalendarDay[]): { name: string; off: string[]; makeUp: string[] }[] {
  const groups = new Map<string, { name: string; off: string[]; makeUp: string[] }>()
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const g = groups.get(d.name) ?? { name: d.name, off: [], makeUp: [] }
    ;(d.offDay ? g.off : g.makeUp).push(d.date)
    groups.set(d.name, g)
  }
  return [...groups.values()]
}

/** The year after today's, when it has no calendar (the warning at the top of the page). */
export function nextYearMissing(overview: CalendarOverview | null): number | null {
  if (!overview) return null
  const next = Number(overview.today.slice(0, 4)) + 1
  return overview.missing.includes(next) ? next : null
}

/** A problem found in a notice before it is sent: `adm.calendar.check.*` key and its values. */
export interface NoticeProblem {
  key: string
  params?: Record<string, unknown>
}

export type NoticeCheck = { notice: HolidayNotice; problems: [] } | { notice: null; problems: NoticeProblem[] }

const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Reads a holiday-cn file (https://github.com/NateScarlet/holiday-cn: `{year, papers, days: [{name, date,
 * isOffDay}]}`) for `year` and lists what the service would refuse, so the admin sees it before sending; the service
 * checks again.
 */
export function checkNotice(text: string, year: number): NoticeCheck {
  let doc: unknown
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    return { notice: null, problems: [{ key: 'notJson', params: { detail: (e as Error).message } }] }
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { notice: null, problems: [{ key: 'notObject' }] }
  const o = doc as Record<string, unknown>
  const problems: NoticeProblem[] = []
  if (o.year !== undefined && o.year !== year) problems.push({ key: 'wrongYear', params: { found: String(o.year), year } })
  if (!Array.isArray(o.days)) {
    problems.push({ key: 'noDays' })
    return { notice: null, problems }
  }
  const seen = new Set<string>()
  o.days.forEach((d, i) => {
    const day = (d ?? {}) as Record<string, unknown>
    const n = i + 1
    if (typeof day.date !== 'string' || !DATE.test(day.date) || Number.isNaN(Date.parse(day.date))) {
      problems.push({ key: 'badDate', params: { n, value: String(day.date ?? '') } })
    } else if (!day.date.startsWith(`${year}-`)) {
      problems.push({ key: 'otherYear', params: { n, value: day.date, year } })
    } else if (seen.has(day.date)) {
      problems.push({ key: 'duplicate', params: { n, value: day.date } })
    } else {
      seen.add(day.date)
    }
    if (typeof day.isOffDay !== 'boolean') problems.push({ key: 'badOffDay', params: { n } })
    if (typeof day.name !== 'string' || day.name.trim() === '') problems.push({ key: 'noName', params: { n } })
  })
  if (o.days.length === 0) problems.push({ key: 'empty' })
  if (problems.length > 0) return { notice: null, problems }
  return { notice: { ...(o as unknown as HolidayNotice), year }, problems: [] }
}

/** `days[3].date` (the service's field of a refused day) → 4, the day's place in the file counted from 1; else null. */
export function dayNumber(field: string): number | null {
  const m = /^days\[(\d+)\]/.exec(field)
  return m ? Number(m[1]) + 1 : null
}

/**
 * The service's field errors of a one-off day (`date`, `offDay`, `reference`, `noticeDate`, possibly as a path such as
 * `addDay.request.reference`) keyed by the form's field names.
 */
export function oneOffFieldErrors(fieldErrors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [f, m] of Object.entries(fieldErrors)) {
    const key = f.split('.').pop() ?? f
    if (!(key in out)) out[key] = m
  }
  return out
}
