import { actingQuery } from '@/workbench/common/actingFor'
import { api, type Query } from './client'
import type { NamedCode, ReferenceData } from './types'

/**
 * The handler's (承办人) calls and the shapes they answer, through the web module's one address:
 * supervision-service under /api/supervision, case-routing under /api/routing, notification-service under
 * /api/notification.
 */

// ---------- queue ----------

export const QUEUE_TABS = ['TO_SIGN', 'IN_PROGRESS', 'OVERDUE', 'RETURNED', 'REOPENED', 'CLOSED'] as const
export type QueueTab = (typeof QUEUE_TABS)[number]
export const COMPLAINT_TYPES = ['INQUIRY', 'HELP', 'SUGGESTION', 'COMPLAINT', 'REPORT'] as const
export const CHANNELS = ['WEB', 'HOTLINE', 'LETTER', 'OPEN311', 'REFERRAL'] as const
export type HandlingRole = 'LEAD' | 'CO'
export type QueueSort = 'deadline' | '-deadline' | 'assigned' | '-assigned'
export type WorkItemStatus = 'ASSIGNED' | 'SIGNED' | 'RETURN_REQUESTED' | 'REPLIED' | 'CLOSED'

export type ClockKind = 'SIGN_FOR' | 'FIRST_CONTACT' | 'RETURN' | 'HANDLING' | 'FOLLOW_UP'
export const CLOCK_KINDS: ClockKind[] = ['SIGN_FOR', 'FIRST_CONTACT', 'RETURN', 'HANDLING', 'FOLLOW_UP']
export type ClockState = 'OPEN' | 'DONE' | 'DONE_LATE' | 'MISSED'

/** One time limit of a case; the working-day numbers are the server's (its holiday calendar), never recomputed here. */
export interface Clock {
  kind: ClockKind
  /** ISO 8601 with offset. */
  deadline: string
  doneAt: string | null
  state: ClockState
  workingDaysLeft: number | null
  overdueWorkingDays: number | null
  paused: boolean
  /** The deadline rests on the provisional calendar of a year whose holiday notice is not out yet (暂定). */
  deadlineProvisional?: boolean
}

export interface QueueItem {
  caseNumber: string
  role: HandlingRole
  leadUnit: string
  leadName: string
  title: string
  type: string
  urgent: boolean
  category: string
  channel: string
  district: string
  status: WorkItemStatus
  assignedAt: string
  reopenCount: number
  suspended: boolean
  dueSoon: boolean
  overdue: boolean
  clock: Clock | null
}

export type QueueCounts = Record<QueueTab | 'DUE_SOON', number>

export interface QueuePage {
  items: QueueItem[]
  page: number
  size: number
  total: number
  counts: QueueCounts
}

/** Parameters of GET /work-items/queue; empty values are left out of the URL. */
export interface QueueRequest {
  tab: QueueTab
  q?: string
  type?: string
  category?: string
  channel?: string
  urgent?: boolean
  role?: HandlingRole
  /** yyyy-MM-dd */
  deadlineFrom?: string
  deadlineTo?: string
  sort?: QueueSort
  /** 0-based */
  page?: number
  size?: number
}

export interface BulkSignResult {
  caseNumber: string
  ok: boolean
  status: string | null
  problem: { status: number; title: string | null; titleEn?: string | null; detail: string | null } | null
}

/** The most cases one bulk sign-for request may carry. */
export const BULK_SIGN_MAX = 50

// ---------- case file ----------

export interface CoUnitPartView {
  unit: string
  text: string
  submittedBy: string
  submittedAt: string
}

/** supervision-service WorkItemView. */
export interface WorkItemView {
  caseNumber: string
  leadUnit: string
  leadName: string | null
  coUnits: string[]
  type: string
  urgent: boolean
  category: string
  district: string
  status: WorkItemStatus
  assignedAt: string
  signForDeadline: string | null
  firstContactDeadline: string | null
  returnDeadline: string | null
  handlingDeadline: string | null
  signedAt: string | null
  firstContactAt: string | null
  repliedAt: string | null
  replyResult: string | null
  followUpDeadline: string | null
  coUnitParts: CoUnitPartView[]
  /** Each deadline's 暂定 mark (provisional calendar of a year without a holiday notice). */
  signForDeadlineProvisional?: boolean
  firstContactDeadlineProvisional?: boolean
  returnDeadlineProvisional?: boolean
  handlingDeadlineProvisional?: boolean
  followUpDeadlineProvisional?: boolean
  outstandingCoUnits: string[]
  allowedActions: string[]
}

export const CASE_ACTIONS = [
  'sign',
  'first-contact',
  'return',
  'extension',
  'suspension',
  'resume',
  'co-unit-part',
  'reply',
  'note',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

export interface CaseComplaint {
  title: string
  content: string
  channel: string
  receivedAt: string
  complainantKind: 'PERSON' | 'ENTERPRISE' | 'ANONYMOUS'
  displayName: string | null
  maskedMobile: string | null
  anonymous: boolean
  confidential: boolean
  contactable: boolean
}

export interface TimelineEntry {
  at: string
  actor: string
  action: string
  summary: string
}

export interface ExtensionInfo {
  state: 'NONE' | 'REQUESTED' | 'APPROVED' | 'REJECTED'
  workingDays: number | null
  reason: string | null
  basis: string | null
  originalDeadline: string | null
}

export interface SuspensionInfo {
  state: 'REQUESTED' | 'ACTIVE' | 'ENDED' | 'REJECTED'
  reason: string
  basis: string
  workingDays: number
  requestedBy: string
  requestedAt: string
  startedAt: string | null
  resumeBy: string | null
  endedAt: string | null
  pausedWorkingDays: number | null
}

export interface CaseFile {
  workItem: WorkItemView
  viewerRole: HandlingRole | 'OVERSIGHT'
  actions: string[]
  complaint: CaseComplaint | null
  repeats: { repeatOf: string | null; repeatedBy: string[] }
  clocks: Clock[]
  timeline: TimelineEntry[]
  extension: ExtensionInfo
  suspension: SuspensionInfo | null
}

export interface Note {
  id: number | string
  caseNumber: string
  author: string
  unit: string | null
  text: string
  createdAt: string
}

export interface ReplyTemplate {
  id: number | string
  category: string | null
  unit: string | null
  title: string
  body: string
  version: number
  /** Absent or true: offered to handlers. */
  active?: boolean
  updatedBy: string | null
  updatedAt: string | null
}

// ---------- action bodies (supervision-service rest/*Request.java) ----------

export const FIRST_CONTACT_METHODS = ['PHONE', 'SMS', 'EMAIL', 'VISIT', 'OTHER'] as const
export const RESULT_CODES = ['RESOLVED', 'EXPLAINED', 'PARTIALLY_RESOLVED', 'NOT_ACCEPTED'] as const

export interface FirstContactBody {
  method: (typeof FIRST_CONTACT_METHODS)[number]
}
export interface ReturnBody {
  reason: string
  basis: string
}
export interface ExtensionBody {
  workingDays: number
  reason: string
  legalBasis: string
}
export interface CoUnitPartBody {
  text: string
}
export interface ReplyBody {
  resultCode: (typeof RESULT_CODES)[number]
  text: string
}
export interface SuspensionBody {
  reason: string
  basis: string
  workingDays: number
}
export interface ResumeBody {
  note: string
}

// ---------- routing explanation (case-routing CaseHistory, MatrixViews) ----------

export interface RoutingDecision {
  decidedAt: string
  kind: string
  category: string | null
  lead: string | null
  leadName: string | null
  coHandlers: string[]
  matrixVersion: number | null
  matrixRowId: number | null
  confidence: number | null
  /** Chinese sentence: category, confidence, evidence words and the matrix row with its basis. */
  explanation: string | null
  actor: string | null
  /** Present when case-routing adds them (RoutingProposal's fields); shown when there. */
  categoryName?: string | null
  scope?: string | null
  basis?: string | null
  evidence?: string[] | null
  alternatives?: { category: string; categoryName: string; lead: string | null; confidence: number }[] | null
}

export interface RoutingHistory {
  caseNumber: string
  status: string
  category: string | null
  currentLead: string | null
  dispatchCount: number
  designated: boolean
  decisions: RoutingDecision[]
}

export interface MatrixRow {
  id: number
  category: string
  nameZh: string
  nameEn: string | null
  lead: string
  leadName: string | null
  coHandlers: string[]
  /** `city` or a district code. */
  scope: string
  basis: string
}

export interface Matrix {
  version: number
  createdAt: string
  createdBy: string
  note: string | null
  current: boolean
  rows: MatrixRow[]
}

// ---------- inbox (notification-service NotificationView) ----------

export interface InboxMessage {
  id: number
  caseNumber: string | null
  eventType: string | null
  recipientKind: string | null
  recipient: string | null
  channel: string | null
  subject: string | null
  body: string | null
  status: string | null
  createdAt: string
  readAt: string | null
}

/** Reference data with the categories, when complaint-intake sends them (the handler's filter lists them). */
export type WorkbenchReferenceData = ReferenceData & { categories?: NamedCode[] }

// ---------- calls ----------

const enc = encodeURIComponent
const WI = '/api/supervision/work-items'

/** The query string of GET /work-items/queue: only the parameters that are set. */
export function queueQuery(r: QueueRequest): Query {
  return {
    tab: r.tab,
    q: r.q?.trim() || undefined,
    type: r.type || undefined,
    category: r.category || undefined,
    channel: r.channel || undefined,
    urgent: r.urgent === undefined ? undefined : r.urgent,
    role: r.role || undefined,
    deadlineFrom: r.deadlineFrom || undefined,
    deadlineTo: r.deadlineTo || undefined,
    sort: r.sort && r.sort !== 'deadline' ? r.sort : undefined,
    page: r.page ? r.page : undefined,
    size: r.size,
  }
}

export const handlerApi = {
  queue: (r: QueueRequest, signal?: AbortSignal) =>
    api<QueuePage>(`${WI}/queue`, { query: actingQuery(queueQuery(r)), signal }),
  signMany: (caseNumbers: string[]) =>
    api<{ results: BulkSignResult[] }>(`${WI}/sign`, { json: { caseNumbers }, query: actingQuery() }),

  file: (cn: string) => api<CaseFile>(`${WI}/${enc(cn)}/file`, { query: actingQuery() }),
  notes: (cn: string) => api<Note[]>(`${WI}/${enc(cn)}/notes`, { query: actingQuery() }),
  addNote: (cn: string, text: string) =>
    api<Note>(`${WI}/${enc(cn)}/notes`, { json: { text }, query: actingQuery() }),

  sign: (cn: string) => api<WorkItemView>(`${WI}/${enc(cn)}/sign`, { method: 'POST', query: actingQuery() }),
  firstContact: (cn: string, body: FirstContactBody) =>
    api<WorkItemView>(`${WI}/${enc(cn)}/first-contact`, { json: body, query: actingQuery() }),
  returnCase: (cn: string, body: ReturnBody) =>
    api<WorkItemView>(`${WI}/${enc(cn)}/return`, { json: body, query: actingQuery() }),
  extension: (cn: string, body: ExtensionBody) =>
    api<WorkItemView>(`${WI}/${enc(cn)}/extension`, { json: body, query: actingQuery() }),
  coUnitPart: (cn: string, body: CoUnitPartBody) =>
    api<WorkItemView>(`${WI}/${enc(cn)}/co-unit-part`, { json: body, query: actingQuery() }),
  reply: (cn: string, body: ReplyBody) =>
    api<WorkItemView>(`${WI}/${enc(cn)}/reply`, { json: body, query: actingQuery() }),
  suspension: (cn: string, body: SuspensionBody) =>
    api<unknown>(`${WI}/${enc(cn)}/suspension`, { json: body, query: actingQuery() }),
  resume: (cn: string, body: ResumeBody) =>
    api<unknown>(`${WI}/${enc(cn)}/suspension/resume`, { json: body, query: actingQuery() }),

  replyTemplates: (category: string) =>
    api<ReplyTemplate[]>('/api/supervision/reply-templates', { query: { category } }),

  routing: (cn: string) => api<RoutingHistory>(`/api/routing/cases/${enc(cn)}`),
  matrix: () => api<Matrix>('/api/routing/matrix'),

  inbox: () => api<InboxMessage[]>('/api/notification/inbox'),
  markRead: (id: number) => api<InboxMessage>(`/api/notification/inbox/${id}/read`, { method: 'POST' }),
}

/** The path of the inbox's server-sent events (read with fetch: EventSource cannot send the bearer token). */
export const INBOX_STREAM_PATH = '/api/notification/inbox/stream'
