/** Shapes of the services' JSON as the browser sees it (see the shared plan and each service's OpenAPI). */

export interface NamedCode {
  code: string
  name: string
  nameEn?: string | null
}

export interface AttachmentLimits {
  maxFiles: number
  /** Largest single file. */
  maxBytes: number
  /** Largest total of one complaint's files (absent: no limit beyond maxFiles × maxBytes). */
  maxTotalBytes?: number | null
  mediaTypes: string[]
}

export interface ReferenceData {
  types: NamedCode[]
  districts: NamedCode[]
  units: NamedCode[]
  /** The responsibility matrix's categories (事项类别). */
  categories: NamedCode[]
  attachments: AttachmentLimits
}

export type ComplainantKind = 'PERSON' | 'ENTERPRISE' | 'ANONYMOUS'

export interface ComplainantRequest {
  kind: ComplainantKind
  name?: string
  mobile?: string
  email?: string
  idNumber?: string
  creditCode?: string
  contactPerson?: string
}

export interface SubmitComplaintRequest {
  type: string
  urgent: boolean
  title: string
  content: string
  district: string
  accusedUnit?: string
  anonymous: boolean
  confidential: boolean
  complainant?: ComplainantRequest
  mobileVerification?: string
}

export interface SubmitComplaintResponse {
  caseNumber: string
  queryCode: string
  receivedAt: string
  status: string
  trackingUrl?: string | null
}

export interface TimelineStep {
  at: string
  step: string
  description: string
}

export interface CaseReply {
  unitName: string | null
  resultCode: string | null
  resultName: string | null
  text: string | null
  repliedAt: string | null
}

export interface CaseTracking {
  caseNumber: string
  type: string
  title: string
  status: string
  statusName: string
  receivedAt: string
  assignedUnit: { code: string; name: string } | null
  timeline: TimelineStep[]
  expectedReplyBy?: string | null
  /** expectedReplyBy rests on the statutory holidays of a year whose holiday notice is not out yet (暂定) */
  expectedReplyProvisional?: boolean
  reply?: CaseReply | null
}

export interface VerificationSent {
  expiresAt: string
  resendAfterSeconds: number
  codeLength: number
}

export interface VerificationConfirmed {
  token: string
  expiresAt: string
}

export interface ExpectedReply {
  type: string
  workingDays: number | null
  calendarHours: number | null
  from: string
  deadline: string
  /** 暂定: the deadline rests on the provisional calendar of a year whose holiday notice is not out yet. */
  deadlineProvisional?: boolean
}

export type Rating = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED'

export interface FollowUpView {
  caseNumber: string
  unitName: string | null
  replyResult: string | null
  replyText?: string | null
  repliedAt: string | null
  followUpDeadline: string | null
  status: string | null
  rating?: Rating | null
  solved?: boolean | null
  ratedAt?: string | null
  expired?: boolean
  followUpDeadlineProvisional?: boolean
}

export interface FollowUpRequest {
  rating: Rating
  solved: boolean | null
  comment?: string
}

export interface Rate {
  numerator: number
  denominator: number
  rate: number | null
}

export interface UnitStatistics {
  code: string
  name: string
  response: Rate
  resolution: Rate
  satisfaction: Rate
  composite: number | null
}

export interface RankedUnit {
  code: string
  name: string
  score: number | null
}

export interface PublicStatistics {
  from: string
  to: string
  months: { month: string; received: number; closed: number }[]
  units: UnitStatistics[]
  ranking: { period: string; red: RankedUnit[]; black: RankedUnit[] }
  categories: { code: string; name: string; count: number }[]
}
