import { api } from './client'

/**
 * The supervisor's work queues (督办工作台) in supervision-service, through the web module under /api/supervision:
 * requests to decide (延期、中止), the overdue board (超期督办) and dissatisfied follow-ups (不满意回访), and the
 * actions on them. Shapes follow the service's Approvals, OverdueBoard and Dissatisfied records.
 */
const WI = '/api/supervision/work-items'

export type ApprovalKind = 'EXTENSION' | 'SUSPENSION'

export interface ApprovalItem {
  kind: ApprovalKind
  caseNumber: string
  title: string | null
  leadUnit: string
  leadName: string
  type: string
  urgent: boolean
  category: string
  status: string
  assignedAt: string
  handlingDeadline: string
  /** Working days from today to the handling deadline (0 on its last day, negative when past), the server's count. */
  workingDaysLeft: number
  reopenCount: number
  workingDays: number
  reason: string | null
  basis: string | null
  requestedBy: string | null
  requestedAt: string | null
  /** The handling deadline if an extension is approved; null for a suspension. */
  proposedDeadline: string | null
  /** 暂定: the deadline rests on the provisional calendar of a year whose holiday notice is not out yet. */
  handlingDeadlineProvisional?: boolean
  proposedDeadlineProvisional?: boolean
}

export interface Approvals {
  extensions: ApprovalItem[]
  extensionsTotal: number
  suspensions: ApprovalItem[]
  suspensionsTotal: number
}

export const ESCALATION_LEVELS = ['NONE', 'REMINDER', 'NOTICE', 'ORDER'] as const
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number]

export interface Escalation {
  /** HANDLING (办理) or SIGN_FOR (签收). */
  clock: string
  /** R50, R75, … (reminder at that share of the limit), NOTICE (催办通知书), ORDER (督办单). */
  level: string
  deadline: string
  issuedAt: string
  number: string | null
}

export interface OverdueItem {
  caseNumber: string
  title: string | null
  leadUnit: string
  leadName: string
  type: string
  urgent: boolean
  category: string
  status: string
  assignedAt: string
  handlingDeadline: string
  /** 暂定: the deadline rests on the provisional calendar of a year whose holiday notice is not out yet. */
  handlingDeadlineProvisional?: boolean
  overdueWorkingDays: number
  reopenCount: number
  extensionState: string
  level: EscalationLevel
  escalations: Escalation[]
}

export interface OverdueUnit {
  unit: string
  unitName: string
  overdue: number
  noticed: number
  ordered: number
}

export interface OverdueBoard {
  items: OverdueItem[]
  page: number
  size: number
  total: number
  units: OverdueUnit[]
}

export interface DissatisfiedItem {
  caseNumber: string
  title: string | null
  leadUnit: string
  leadName: string
  type: string
  category: string
  repliedAt: string | null
  replyResult: string | null
  replyText: string | null
  rating: string | null
  solved: boolean | null
  comment: string | null
  followedUpAt: string | null
  /** COMPLAINANT (link) or OPERATOR (phone). */
  followedUpBy: string | null
  reopenCount: number
  canReopen: boolean
}

export interface DissatisfiedPage {
  items: DissatisfiedItem[]
  page: number
  size: number
  total: number
  maxReopens: number
}

const path = (caseNumber: string, action: string) => `${WI}/${encodeURIComponent(caseNumber)}/${action}`

export const oversightDesk = {
  approvals: () => api<Approvals>(`${WI}/approvals`),

  /** Approve, or reject with a reason (the unit is told); an extension's rejection without a reason is refused. */
  decide: (kind: ApprovalKind, caseNumber: string, approve: boolean, reason?: string) =>
    api<unknown>(path(caseNumber, kind === 'EXTENSION' ? 'extension/decision' : 'suspension/decision'), {
      json: { approve, reason: reason?.trim() || undefined },
    }),

  overdueBoard: (query: { unit?: string | null; level?: EscalationLevel | null; page: number; size: number }) =>
    api<OverdueBoard>(`${WI}/overdue-board`, { query }),

  dissatisfied: (query: { unit?: string | null; page: number; size: number }) =>
    api<DissatisfiedPage>(`${WI}/dissatisfied`, { query }),

  /** 重办: back to the unit with a new deadline. */
  reopen: (caseNumber: string, reason: string) => api<unknown>(path(caseNumber, 'reopen'), { json: { reason } }),

  /** 销号: the supervisor verifies the close-out of a replied case. */
  close: (caseNumber: string) => api<unknown>(path(caseNumber, 'close'), { method: 'POST' }),
}
