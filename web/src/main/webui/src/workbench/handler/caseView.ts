import { mapFieldErrors, type Problem } from '@/api/problem'
import type { CaseComplaint, RoutingDecision, RoutingHistory, TimelineEntry } from '@/api/handler'

/** What the case page says about the complainant: never more than the server sent, and nothing when confidential. */
export type ComplainantDisplay =
  | { kind: 'confidential' }
  | { kind: 'anonymous' }
  | { kind: 'named'; name: string | null; mobile: string | null; enterprise: boolean; contactable: boolean }
  | { kind: 'none' }

export function complainantDisplay(c: CaseComplaint | null | undefined): ComplainantDisplay {
  if (!c) return { kind: 'none' }
  if (c.confidential) return { kind: 'confidential' }
  if (c.anonymous || c.complainantKind === 'ANONYMOUS') return { kind: 'anonymous' }
  return {
    kind: 'named',
    name: c.displayName,
    mobile: c.maskedMobile,
    enterprise: c.complainantKind === 'ENTERPRISE',
    contactable: c.contactable,
  }
}

/** The timeline in the order asked for; entries at the same instant keep the server's order. */
export function orderTimeline(entries: readonly TimelineEntry[], newestFirst: boolean): TimelineEntry[] {
  const indexed = entries.map((e, i) => ({ e, i, at: Date.parse(e.at) }))
  indexed.sort((a, b) => {
    const d = (Number.isNaN(a.at) ? 0 : a.at) - (Number.isNaN(b.at) ? 0 : b.at)
    return d !== 0 ? d : a.i - b.i
  })
  const out = indexed.map((x) => x.e)
  return newestFirst ? out.reverse() : out
}

/** Routing decisions newest first; the first is the one in force. */
export function decisionsNewestFirst(history: RoutingHistory | null | undefined): RoutingDecision[] {
  return [...(history?.decisions ?? [])].sort((a, b) => Date.parse(b.decidedAt) - Date.parse(a.decidedAt))
}

/** Confidence 0..1 as a percentage ("87%"), or '' when there is none. */
export function percent(confidence: number | null | undefined): string {
  if (confidence === null || confidence === undefined || Number.isNaN(confidence)) return ''
  return `${Math.round(confidence * 100)}%`
}

/** How a failed action is shown: field errors beside their fields, a conflict reloads the case, the rest in the form. */
export type ActionFailure =
  | { kind: 'fields'; byField: Record<string, string>; others: string[] }
  | { kind: 'conflict'; message: string }
  | { kind: 'gone' }
  | { kind: 'other' }

export function classifyFailure(problem: Problem, fields: readonly string[]): ActionFailure {
  if (problem.status === 409) return { kind: 'conflict', message: problem.detail ?? problem.title ?? '' }
  if (problem.status === 404) return { kind: 'gone' }
  if (problem.status === 400 && Object.keys(problem.fieldErrors).length > 0) {
    const { byField, others } = mapFieldErrors(problem.fieldErrors, {}, (f) => fields.includes(f))
    return { kind: 'fields', byField, others }
  }
  return { kind: 'other' }
}
