import { api, ApiError } from './client'
import { toProblem } from './problem'
import { accessToken } from '@/auth/session'
import { currentLocale } from '@/i18n'
import type { ComplainantKind, ComplainantRequest, FollowUpRequest } from './types'

/**
 * The calls of the workbench desk pages (话务员, 信件录入, 派单员/协调): complaint-intake's hotline, letter and referral
 * entry, case-routing's preview, queues and rulings, supervision-service's phone follow-up. Shapes follow the
 * services' request and view records (HotlineWorkOrderRequest, LetterRequest, RoutingProposal, DispatchViews, …).
 */

export type ComplaintTypeCode = 'INQUIRY' | 'HELP' | 'SUGGESTION' | 'COMPLAINT' | 'REPORT'

// ------------------------------------------------------------------------------------------------ intake

/** POST /api/intake/hotline/work-orders: also the column names of a CSV batch import. */
export interface HotlineWorkOrderRequest {
  /** The call centre's number; the same number again answers with the same case (idempotent). */
  workOrderNumber: string
  /** ISO 8601 with offset. */
  callTime: string
  callerPhone: string
  callerName?: string
  operatorId: string
  type: ComplaintTypeCode
  urgent: boolean
  district: string
  summary: string
  content?: string
  recordingRef?: string
  categoryHint?: string
  accusedUnit?: string
  anonymous: boolean
  confidential: boolean
  complainantKind?: ComplainantKind
  email?: string
  idNumber?: string
  creditCode?: string
  contactPerson?: string
}

/** Every column a batch import may carry, in the order of the request record. */
export const HOTLINE_COLUMNS = [
  'workOrderNumber',
  'callTime',
  'callerPhone',
  'callerName',
  'operatorId',
  'type',
  'urgent',
  'district',
  'summary',
  'content',
  'recordingRef',
  'categoryHint',
  'accusedUnit',
  'anonymous',
  'confidential',
  'complainantKind',
  'email',
  'idNumber',
  'creditCode',
  'contactPerson',
] as const satisfies readonly (keyof HotlineWorkOrderRequest)[]
export type HotlineColumn = (typeof HOTLINE_COLUMNS)[number]

/** Columns without which a row is always refused. */
export const HOTLINE_REQUIRED_COLUMNS: readonly HotlineColumn[] = [
  'workOrderNumber',
  'callTime',
  'callerPhone',
  'operatorId',
  'type',
  'district',
  'summary',
]

/** A receipt: the case, its query code for the complainant, and when it counts as received. */
export interface IntakeReceipt {
  caseNumber: string
  queryCode: string
  receivedAt: string
  status: string
  trackingUrl?: string | null
}

export interface HotlineWorkOrderResponse extends IntakeReceipt {
  workOrderNumber: string
}

export type BatchRowStatus = 'created' | 'duplicate' | 'conflict' | 'invalid'

export interface RawFieldError {
  field: string
  message?: string | null
  messageEn?: string | null
  rejectedValue?: unknown
}

/** One row of a batch answer; empty members are left out by the service. */
export interface BatchRowResult {
  /** 1 = the first data row of this request (a CSV header is not counted; JSON lines by line). */
  row: number
  workOrderNumber?: string | null
  status: BatchRowStatus
  caseNumber?: string | null
  message?: string | null
  errors?: RawFieldError[]
}

export interface BatchImportResponse {
  rows: number
  created: number
  duplicate: number
  conflict: number
  invalid: number
  results: BatchRowResult[]
}

export interface SenderRequest {
  kind: ComplainantKind
  name?: string
  mobile?: string
  email?: string
  address?: string
  idNumber?: string
  creditCode?: string
  contactPerson?: string
}

/** The matter of a written complaint (a letter or a referral): what it is about and how it is handled. */
export interface WrittenMatterRequest {
  type: ComplaintTypeCode
  urgent: boolean
  title: string
  content: string
  district: string
  categoryHint?: string
  accusedUnit?: string
  anonymous: boolean
  confidential: boolean
}

/** Part `letter` of POST /api/intake/letters. */
export interface LetterRequest extends WrittenMatterRequest {
  letterReference: string
  /** yyyy-MM-dd, not after today (Beijing). */
  postmarkDate: string
  sender: SenderRequest
}

export interface AttachmentView {
  id: number
  fileName: string
  mediaType: string
  size: number
  sha256: string
  url: string
}

/** The receipt of a letter or a referral. */
export interface LetterResponse extends IntakeReceipt {
  reference: string
  attachments: AttachmentView[]
}

export type ReferringBodyKind = 'LETTERS_AND_VISITS_BUREAU' | 'DEPUTY'

export interface ReferralRequest extends WrittenMatterRequest {
  referralReference: string
  referringBody: { kind: ReferringBodyKind; name: string }
  /** ISO 8601 with offset, not in the future. */
  referredAt: string
  complainant?: ComplainantRequest
}

/** 并单: the earlier case this one repeats, and the later cases that repeat it. */
export interface RepeatView {
  caseNumber: string
  repeatOf: string | null
  similarity: number | null
  repeats: { caseNumber: string; channel: string; receivedAt: string; similarity: number | null }[]
}

/** The complainant's contact for a phone follow-up (hotline-operator only). */
export interface ComplainantContact {
  name: string | null
  mobile: string | null
}

// ------------------------------------------------------------------------------------------------ routing

export interface PreviewRequest {
  content: string
  district: string
  type?: ComplaintTypeCode
  categoryHint?: string
  accusedUnit?: string
}

export interface RoutingAlternative {
  category: string
  categoryName: string
  lead: string | null
  confidence: number
}

export interface RoutingProposal {
  category: string
  categoryName: string
  lead: string | null
  leadName: string | null
  coHandlers: string[]
  /** 0–1. */
  confidence: number
  matrixVersion: number
  matrixRowId: number | null
  basis: string | null
  explanation: string
  manualDispatch: boolean
  /** LOW_CONFIDENCE, NO_MATRIX_ROW, POSSIBLE_MISCONDUCT; null when routed. */
  manualReason?: string | null
  /** The misconduct guard's finding (NONE, POSSIBLE, STRONG) and its evidence. */
  misconduct?: { level: string; probability: number; evidence: string[] } | null
  alternatives: RoutingAlternative[]
}

export type DecisionKind = 'AUTO' | 'MANUAL_QUEUE' | 'MANUAL' | 'RETURN' | 'REROUTE' | 'RULING' | 'DESIGNATION'

export interface RoutingDecision {
  decidedAt: string
  kind: DecisionKind | string
  category: string | null
  lead: string | null
  leadName: string | null
  coHandlers: string[] | null
  matrixVersion: number | null
  matrixRowId: number | null
  confidence: number | null
  explanation: string | null
  actor: string | null
}

export interface CaseHistory {
  caseNumber: string
  status: 'ROUTED' | 'MANUAL_DISPATCH' | 'IN_ARBITRATION' | string
  category: string | null
  currentLead: string | null
  dispatchCount: number
  designated: boolean
  decisions: RoutingDecision[]
}

export interface QueuedCase {
  caseNumber: string
  district: string
  type: string
  channel: string
  urgent: boolean
  content: string
  receivedAt: string
  queuedAt: string | null
  claimedBy: string | null
  claimedAt: string | null
  suggestedCategory: string | null
  suggestedLead: string | null
  suggestedLeadName: string | null
  confidence: number | null
  explanation: string | null
  /** The misconduct guard's finding: POSSIBLE or STRONG, null when it found nothing. */
  misconductLevel?: string | null
  misconductEvidence?: string | null
  /** The discipline commission (the misconduct category's lead): other units need misconductConfirmation. */
  misconductLead?: string | null
}

export interface ArbitrationCase {
  caseNumber: string
  district: string
  category: string | null
  content: string
  returnedBy: string | null
  returnedByName: string | null
  reason: string | null
  basis: string | null
  returnedAt: string | null
  dispatchCount: number
  designationRequired: boolean
  /** The misconduct guard's finding: POSSIBLE or STRONG, null when it found nothing. */
  misconductLevel?: string | null
  misconductEvidence?: string | null
  /** The discipline commission: a ruling or designation to another unit needs misconductConfirmation. */
  misconductLead?: string | null
}

export interface Dispatched {
  caseNumber: string
  status: string
  category: string | null
  lead: string | null
  leadName: string | null
  coHandlers: string[]
  dispatchCount: number
  designated: boolean
}

export interface DispatchRequest {
  category?: string
  lead: string
  coHandlers?: string[]
  reason: string
  /** Why a case the misconduct guard flagged goes to another unit than the discipline commission. */
  misconductConfirmation?: string
}

export interface RulingRequest {
  upheld: boolean
  category?: string
  lead?: string
  coHandlers?: string[]
  reason: string
  /** Why a case the misconduct guard flagged stays with another unit than the discipline commission. */
  misconductConfirmation?: string
}

export type DesignationRequest = DispatchRequest

export interface RoutingUnit {
  code: string
  nameZh: string
  nameEn: string | null
  kind: string | null
}

export interface UnitReturns {
  unit: string
  unitName: string
  returns: number
  improper: number
  refused: number
  items: {
    caseNumber: string
    reason: string | null
    basis: string | null
    actor: string | null
    requestedAt: string
    outcome: string
    refusal: string | null
    improper: boolean
    dispatchCount: number
  }[]
}

export interface MatrixRow {
  id: number
  category: string
  nameZh: string
  nameEn: string | null
  lead: string
  leadName: string | null
  coHandlers: string[]
  /** `city` or a district unit's code. */
  scope: string
  basis: string
}

export interface Matrix {
  version: number
  createdAt: string
  createdBy: string | null
  note: string | null
  current: boolean
  rows: MatrixRow[]
}

// ------------------------------------------------------------------------------------------------ supervision

export interface FollowUpDue {
  caseNumber: string
  title: string
  leadName: string | null
  repliedAt: string | null
  replyResult: string | null
  replyText: string | null
  followUpDeadline: string | null
  maskedMobile: string | null
  contactable: boolean
  /** 暂定: the deadline rests on the provisional calendar of a year whose holiday notice is not out yet. */
  followUpDeadlineProvisional?: boolean
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  size: number
}

/** The work item after a phone follow-up (only what the desk reads of it). */
export interface WorkItemAfterFollowUp {
  caseNumber: string
  status: string
  followUpDeadline: string | null
}

// ------------------------------------------------------------------------------------------------ calls

const cn = (caseNumber: string) => encodeURIComponent(caseNumber.trim())

/**
 * A call that `api()` has no option for: a body of its own media type (the batch import's `application/x-ndjson`), or
 * an answer whose status matters (201 new entry, 200 the same entry again). Same headers, token and problem parsing
 * as `api()`; `transport` is replaceable for tests.
 */
export const transport = {
  fetch: ((...args) => globalThis.fetch(...args)) as typeof fetch,
  token: accessToken as () => Promise<string | null>,
  locale: currentLocale as () => string,
}

export interface Sent<T> {
  status: number
  data: T
}

export async function send<T>(
  path: string,
  options: { method?: 'POST' | 'GET'; body?: string | FormData; contentType?: string; signal?: AbortSignal },
): Promise<Sent<T>> {
  const locale = transport.locale()
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': locale.startsWith('en') ? 'en' : 'zh-CN',
  }
  if (options.contentType) headers['Content-Type'] = options.contentType
  const token = await transport.token()
  if (token) headers.Authorization = `Bearer ${token}`
  let response: Response
  try {
    response = await transport.fetch(path, {
      method: options.method ?? 'POST',
      headers,
      body: options.body,
      signal: options.signal,
      credentials: 'same-origin',
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(toProblem(0, null, null, locale))
  }
  const text = await response.text()
  let parsed: unknown = undefined
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = text
    }
  }
  if (!response.ok) throw new ApiError(toProblem(response.status, parsed, response.headers.get('Retry-After'), locale))
  return { status: response.status, data: parsed as T }
}

export const NDJSON = 'application/x-ndjson'

export const deskIntake = {
  /** 201 for a new work order, 200 for the same one pushed again (same case and query code). */
  pushWorkOrder: (request: HotlineWorkOrderRequest) =>
    send<HotlineWorkOrderResponse>('/api/intake/hotline/work-orders', {
      body: JSON.stringify(request),
      contentType: 'application/json',
    }),

  /** One chunk of a batch import as JSON lines (one object per line, values as the CSV had them). */
  importBatch: async (ndjson: string, signal?: AbortSignal) =>
    (await send<BatchImportResponse>('/api/intake/hotline/work-orders/batch', { body: ndjson, contentType: NDJSON, signal }))
      .data,

  /**
   * The letter as part `letter` (a plain text part holding JSON) and the scanned pages in order as parts `pages`.
   * 201 new, 200 the same letter again.
   */
  enterLetter: (letter: LetterRequest, pages: File[]) =>
    send<LetterResponse>('/api/intake/letters', { body: letterForm(letter, pages) }),

  /** 201 new, 200 the same referral again. */
  enterReferral: (request: ReferralRequest) =>
    send<LetterResponse>('/api/intake/referrals', { body: JSON.stringify(request), contentType: 'application/json' }),

  repeats: (caseNumber: string, signal?: AbortSignal) =>
    api<RepeatView>(`/api/intake/complaints/${cn(caseNumber)}/repeats`, { signal }),

  contact: (caseNumber: string) => api<ComplainantContact>(`/api/intake/complaints/${cn(caseNumber)}/contact`),
}

export function letterForm(letter: LetterRequest, pages: File[]): FormData {
  const form = new FormData()
  // a string part, not a Blob: a Blob would arrive with a file name and be taken for one of the scanned pages
  form.append('letter', JSON.stringify(letter))
  for (const page of pages) form.append('pages', page, page.name)
  return form
}

export const deskRouting = {
  preview: (request: PreviewRequest, signal?: AbortSignal) =>
    api<RoutingProposal>('/api/routing/preview', { json: request, signal }),
  history: (caseNumber: string, signal?: AbortSignal) =>
    api<CaseHistory>(`/api/routing/cases/${cn(caseNumber)}`, { signal }),
  manualQueue: () => api<QueuedCase[]>('/api/routing/manual-queue'),
  claim: (caseNumber: string) => api<QueuedCase>(`/api/routing/manual-queue/${cn(caseNumber)}/claim`, { method: 'POST' }),
  dispatch: (caseNumber: string, request: DispatchRequest) =>
    api<Dispatched>(`/api/routing/cases/${cn(caseNumber)}/dispatch`, { json: request }),
  arbitration: () => api<ArbitrationCase[]>('/api/routing/arbitration'),
  ruling: (caseNumber: string, request: RulingRequest) =>
    api<Dispatched>(`/api/routing/cases/${cn(caseNumber)}/ruling`, { json: request }),
  designation: (caseNumber: string, request: DesignationRequest) =>
    api<Dispatched>(`/api/routing/cases/${cn(caseNumber)}/designation`, { json: request }),
  units: () => api<RoutingUnit[]>('/api/routing/units'),
  unitReturns: (code: string) => api<UnitReturns>(`/api/routing/units/${encodeURIComponent(code)}/returns`),
  matrix: () => api<Matrix>('/api/routing/matrix'),
  matrixVersion: (version: number) => api<Matrix>(`/api/routing/matrix/versions/${version}`),
}

export const deskSupervision = {
  /** Cases replied and waiting for a phone follow-up; `page` counts from 0. */
  followUpsDue: (page: number, size: number) =>
    api<Page<FollowUpDue>>('/api/supervision/work-items/follow-ups-due', { query: { page, size } }),
  recordFollowUp: (caseNumber: string, request: FollowUpRequest) =>
    api<WorkItemAfterFollowUp>(`/api/supervision/work-items/${cn(caseNumber)}/follow-up`, { json: request }),
}
