import type { Clock } from '@/api/handler'

/**
 * How a clock reads as a countdown tag. Every number comes from the server (its working-day calendar); the browser
 * only picks the words and the colour.
 */
export type ClockTone = 'overdue' | 'dueSoon' | 'open' | 'done' | 'late' | 'paused'

export interface ClockDisplay {
  /** Message key under `wbCommon.clock.*`. */
  key: 'left' | 'dueToday' | 'overdue' | 'overdueNoDays' | 'dueAt' | 'done' | 'doneLate'
  /** Working days (left or over). */
  n?: number
  /** The instant the text names (deadline or completion), ISO 8601. */
  at?: string
  tone: ClockTone
  paused: boolean
}

export interface ClockHints {
  /** The server's flags for the work item (queue rows carry them); they win over the clock's own numbers. */
  dueSoon?: boolean
  overdue?: boolean
}

/**
 * Working days left at or under which an open clock counts as due soon when the server sent no flag (the queue's
 * DUE_SOON count uses the same two working days).
 */
export const DUE_SOON_WORKING_DAYS = 2

export function describeClock(clock: Clock, hints: ClockHints = {}): ClockDisplay {
  const paused = !!clock.paused
  switch (clock.state) {
    case 'DONE':
      return { key: 'done', at: clock.doneAt ?? undefined, tone: 'done', paused: false }
    case 'DONE_LATE':
      return { key: 'doneLate', at: clock.doneAt ?? undefined, tone: 'late', paused: false }
    case 'MISSED':
      return overdue(clock, paused)
    default:
      break
  }
  const over = clock.overdueWorkingDays
  const left = clock.workingDaysLeft
  if ((over !== null && over > 0) || (left !== null && left < 0)) return overdue(clock, paused)
  // urgent clocks run on calendar hours: the server's flag says when such a deadline has passed
  if (hints.overdue && (left === null || left <= 0)) return overdue(clock, paused)
  const soon = hints.dueSoon ?? (left !== null && left <= DUE_SOON_WORKING_DAYS)
  const tone: ClockTone = paused ? 'paused' : soon ? 'dueSoon' : 'open'
  if (left === null) return { key: 'dueAt', at: clock.deadline, tone, paused }
  if (left === 0) return { key: 'dueToday', at: clock.deadline, tone: paused ? 'paused' : 'dueSoon', paused }
  return { key: 'left', n: left, at: clock.deadline, tone, paused }
}

function overdue(clock: Clock, paused: boolean): ClockDisplay {
  const n = clock.overdueWorkingDays ?? (clock.workingDaysLeft !== null && clock.workingDaysLeft < 0 ? -clock.workingDaysLeft : null)
  return n !== null && n > 0
    ? { key: 'overdue', n, at: clock.deadline, tone: 'overdue', paused }
    : { key: 'overdueNoDays', at: clock.deadline, tone: 'overdue', paused }
}

/** Sorts the clocks of a case in the order of the closed loop. */
export const CLOCK_ORDER = ['SIGN_FOR', 'FIRST_CONTACT', 'RETURN', 'HANDLING', 'FOLLOW_UP'] as const
export function sortClocks<T extends { kind: string }>(clocks: readonly T[]): T[] {
  const rank = (k: string) => {
    const i = (CLOCK_ORDER as readonly string[]).indexOf(k)
    return i < 0 ? CLOCK_ORDER.length : i
  }
  return [...clocks].sort((a, b) => rank(a.kind) - rank(b.kind))
}
