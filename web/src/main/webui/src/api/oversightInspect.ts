import { api } from './client'

/**
 * The discipline inspectors' calls (纪检监察): supervision-service's clue ledger (ClueResource), case trail
 * (CaseTrailResource) and random sampling (SamplingResource), through the web module under /api/supervision.
 * Shapes follow ClueService.ClueView, TrailView, SamplingService.DrawView and ClueAnalyticsService.Analytics.
 */

export const CLUE_KINDS = [
  'OVERDUE_AFTER_ORDER',
  'IMPROPER_RETURN',
  'REPEATED_BOUNCING',
  'CLOSED_WITHOUT_REPLY',
  'STAFF_RECORDED_FOLLOW_UP',
  'SOLVED_CASE_RETURNED',
  'RELABELLED_TYPE',
  'MANUAL',
] as const
export type ClueKind = (typeof CLUE_KINDS)[number]
export type ClueState = 'OPEN' | 'CLOSED'

/** The inaction signals the analytics page draws (supervision-service README, "Clues raised automatically"). */
export const INACTION_KINDS: ClueKind[] = [
  'IMPROPER_RETURN',
  'REPEATED_BOUNCING',
  'RELABELLED_TYPE',
  'OVERDUE_AFTER_ORDER',
  'SOLVED_CASE_RETURNED',
]

export interface UnitRef {
  code: string
  name: string
}

export interface Clue {
  id: string
  caseNumber: string
  unit: UnitRef
  kind: ClueKind
  description: string
  relatedCaseNumber: string | null
  state: ClueState
  raisedBy: string
  /** ISO 8601, +08:00. */
  raisedAt: string
  finding: string | null
  closedBy: string | null
  closedAt: string | null
}

export interface ClueFilter {
  state?: ClueState | ''
  unit?: string
  kind?: ClueKind | ''
  caseNumber?: string
  /** yyyy-MM-dd, Beijing, inclusive. */
  from?: string
  to?: string
}

export interface ManualClueRequest {
  caseNumber: string
  unitCode?: string
  unitName?: string
  description: string
  relatedCaseNumber?: string
}

export interface TrailStep {
  seq: number
  at: string
  actor: string
  action: string
  statusBefore: string | null
  statusAfter: string
  detail: string
  hash: string
}

export interface Trail {
  caseNumber: string
  intact: boolean
  /** "seq 3" for the first entry that does not match; null when intact. */
  brokenAt: string | null
  steps: TrailStep[]
}

export interface TrailVerification {
  caseNumber: string
  intact: boolean
  brokenAt: string | null
  entries: number
}

export type SourceRole = 'SIGNAL' | 'CLUE' | 'CLOSE'
export interface ClueSources {
  clue: Clue
  entries: { role: SourceRole; caseNumber: string; step: TrailStep }[]
}

export interface ClueAnalytics {
  from: string
  to: string
  months: string[]
  kinds: ClueKind[]
  rows: { unit: string; unitName: string; month: string; kind: ClueKind; count: number }[]
}

export type RevisitOutcome = 'CONFIRMED' | 'PROBLEM_FOUND' | 'UNREACHABLE'
export const REVISIT_OUTCOMES: RevisitOutcome[] = ['CONFIRMED', 'PROBLEM_FOUND', 'UNREACHABLE']

export interface Revisit {
  caseNumber: string
  outcome: RevisitOutcome
  note: string | null
  recordedBy: string
  recordedAt: string
}

export interface SampleDraw {
  id: string
  /** yyyy-MM */
  period: string
  perUnit: number
  seed: number
  drawnBy: string
  drawnAt: string
  /** unit code → case numbers drawn */
  cases: Record<string, string[]>
  /** case number → re-visit (absent until recorded; older servers send none) */
  revisits?: Record<string, Revisit>
}

const S = '/api/supervision'
const enc = encodeURIComponent

export const inspect = {
  clues: (filter: ClueFilter) => api<Clue[]>(`${S}/clues`, { query: { ...filter } }),
  clue: (id: string) => api<Clue>(`${S}/clues/${enc(id)}`),
  clueSources: (id: string) => api<ClueSources>(`${S}/clues/${enc(id)}/sources`),
  raiseClue: (request: ManualClueRequest) => api<Clue>(`${S}/clues`, { json: request }),
  closeClue: (id: string, finding: string) => api<Clue>(`${S}/clues/${enc(id)}/close`, { json: { finding } }),
  analytics: (from: string, to: string, unit?: string) =>
    api<ClueAnalytics>(`${S}/clues/analytics`, { query: { from, to, unit } }),
  trail: (caseNumber: string) => api<Trail>(`${S}/cases/${enc(caseNumber)}/trail`),
  verifyTrail: (caseNumber: string) => api<TrailVerification>(`${S}/cases/${enc(caseNumber)}/trail/verify`),
  samples: (period?: string) => api<SampleDraw[]>(`${S}/samples`, { query: { period } }),
  sample: (id: string) => api<SampleDraw>(`${S}/samples/${enc(id)}`),
  draw: (period: string, perUnit: number, seed?: number | null) =>
    api<SampleDraw>(`${S}/samples`, { json: { period, perUnit, seed: seed ?? undefined } }),
  revisit: (id: string, caseNumber: string, outcome: RevisitOutcome, note?: string) =>
    api<Revisit>(`${S}/samples/${enc(id)}/cases/${enc(caseNumber)}/revisit`, { json: { outcome, note: note || undefined } }),
}
