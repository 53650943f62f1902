import type { ComplainantKind, ComplainantRequest } from '@/api/types'
import type {
  ComplaintTypeCode,
  HotlineWorkOrderRequest,
  LetterRequest,
  PreviewRequest,
  ReferralRequest,
  ReferringBodyKind,
  SenderRequest,
  WrittenMatterRequest,
} from '@/api/desk'

/**
 * The desk forms' drafts and the request bodies built from them. Times typed by staff are Beijing wall-clock times
 * ("2026-12-07T09:30:00") and get the +08:00 offset here, whatever the device's time zone.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** Beijing wall-clock time of an instant: "2026-12-07T09:30:05". China has no daylight saving time. */
export function beijingWallClock(now: Date = new Date()): string {
  const d = new Date(now.getTime() + BEIJING_OFFSET_MS)
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  )
}

/** Today's date in Beijing: "2026-12-07". */
export function beijingToday(now: Date = new Date()): string {
  return beijingWallClock(now).slice(0, 10)
}

/** "2026-12-07T09:30" or "…:05" (Beijing) → "2026-12-07T09:30:05+08:00"; other text is returned unchanged. */
export function withBeijingOffset(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/.exec(local.trim())
  if (!m) return local.trim()
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00`
}

/** Whether a Beijing wall-clock time lies after `now` (plus a tolerance for clock skew). */
export function isAfterNow(local: string, now: Date = new Date(), toleranceMs = 5 * 60 * 1000): boolean {
  const at = Date.parse(withBeijingOffset(local))
  return !Number.isNaN(at) && at > now.getTime() + toleranceMs
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/**
 * A work-order number for a call entered at the desk (the call centre's own system brings its own): "HL" + Beijing
 * date and time + 4 random characters, e.g. "HL20261207-093005-K7QZ". It stays the same until the form is reset, so
 * that submitting again after a lost answer returns the same case instead of creating a second one.
 */
export function newWorkOrderNumber(now: Date = new Date(), random: () => number = Math.random): string {
  const w = beijingWallClock(now)
  const suffix = Array.from({ length: 4 }, () => ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length]).join('')
  return `HL${w.slice(0, 10).replace(/-/g, '')}-${w.slice(11).replace(/:/g, '')}-${suffix}`
}

/** The user name as an operator id the service accepts (letters, digits, _ . -, at most 50). */
export function operatorIdOf(username: string | null | undefined): string {
  return (username ?? '').replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 50)
}

export const WORK_ORDER_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/
export const CALLER_PHONE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}|12345)$/
export const OPERATOR_ID = /^[A-Za-z0-9_.-]{1,50}$/
export const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/-]{3,79}$/
export const RECORDING_REF = /^[\x21-\x7E]*$/

/** Case numbers as intake issues them (TS + date + counter); a little wider so that other numbering still works. */
export const CASE_NUMBER = /^[A-Z0-9-]{4,40}$/

/** A case number as typed or pasted: spaces removed, upper case. */
export function normalizeCaseNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

export const TITLE_MAX = 200
export const CONTENT_MAX = 5000
export const COMMENT_MAX = 1000
export const REASON_MAX = 1000

/** Who complains: the caller, the letter's sender or the referred complainant. */
export interface PartyDraft {
  kind: ComplainantKind
  name: string
  mobile: string
  email: string
  idNumber: string
  creditCode: string
  contactPerson: string
  address: string
  confidential: boolean
}

/** What the complaint is about: common to calls, letters and referrals. */
export interface MatterDraft {
  type: ComplaintTypeCode | ''
  urgent: boolean
  district: string
  /** The call's summary (摘要), the letter's or referral's title. */
  title: string
  content: string
  categoryHint: string
  accusedUnit: string
}

export interface HotlineDraft extends MatterDraft {
  workOrderNumber: string
  /** Beijing wall clock. */
  callTime: string
  callerPhone: string
  operatorId: string
  recordingRef: string
  party: PartyDraft
}

export interface LetterDraft extends MatterDraft {
  letterReference: string
  postmarkDate: string
  sender: PartyDraft
}

export interface ReferralDraft extends MatterDraft {
  referralReference: string
  bodyKind: ReferringBodyKind | ''
  bodyName: string
  /** Beijing wall clock. */
  referredAt: string
  complainant: PartyDraft
}

export function emptyParty(kind: ComplainantKind = 'PERSON'): PartyDraft {
  return {
    kind,
    name: '',
    mobile: '',
    email: '',
    idNumber: '',
    creditCode: '',
    contactPerson: '',
    address: '',
    confidential: false,
  }
}

export function emptyMatter(): MatterDraft {
  return { type: '', urgent: false, district: '', title: '', content: '', categoryHint: '', accusedUnit: '' }
}

export function emptyHotlineDraft(operatorId: string, now: Date = new Date()): HotlineDraft {
  return {
    ...emptyMatter(),
    workOrderNumber: newWorkOrderNumber(now),
    callTime: beijingWallClock(now),
    callerPhone: '',
    operatorId,
    recordingRef: '',
    party: emptyParty(),
  }
}

export function emptyLetterDraft(): LetterDraft {
  return { ...emptyMatter(), letterReference: '', postmarkDate: '', sender: emptyParty() }
}

export function emptyReferralDraft(now: Date = new Date()): ReferralDraft {
  return {
    ...emptyMatter(),
    referralReference: '',
    bodyKind: '',
    bodyName: '',
    referredAt: beijingWallClock(now),
    complainant: emptyParty(),
  }
}

function clean(value: string | null | undefined): string | undefined {
  const v = (value ?? '').trim()
  return v === '' ? undefined : v
}

function matterFields(d: MatterDraft) {
  return {
    type: d.type as ComplaintTypeCode,
    urgent: d.urgent,
    district: d.district,
    categoryHint: clean(d.categoryHint),
    accusedUnit: clean(d.accusedUnit),
  }
}

export function buildHotlineRequest(d: HotlineDraft): HotlineWorkOrderRequest {
  const p = d.party
  const anonymous = p.kind === 'ANONYMOUS'
  return {
    workOrderNumber: d.workOrderNumber.trim(),
    callTime: withBeijingOffset(d.callTime),
    callerPhone: d.callerPhone.replace(/\s/g, ''),
    callerName: anonymous ? undefined : clean(p.name),
    operatorId: d.operatorId.trim(),
    ...matterFields(d),
    summary: d.title.trim(),
    content: clean(d.content),
    recordingRef: clean(d.recordingRef),
    anonymous,
    confidential: !anonymous && p.confidential,
    complainantKind: p.kind,
    email: p.kind === 'PERSON' ? clean(p.email) : undefined,
    idNumber: p.kind === 'PERSON' ? clean(p.idNumber)?.toUpperCase() : undefined,
    creditCode: p.kind === 'ENTERPRISE' ? clean(p.creditCode)?.toUpperCase() : undefined,
    contactPerson: p.kind === 'ENTERPRISE' ? clean(p.contactPerson) : undefined,
  }
}

function sender(p: PartyDraft): SenderRequest {
  if (p.kind === 'ANONYMOUS') return { kind: 'ANONYMOUS', mobile: clean(p.mobile), address: clean(p.address) }
  const common = { name: clean(p.name), mobile: clean(p.mobile), address: clean(p.address) }
  return p.kind === 'ENTERPRISE'
    ? { kind: 'ENTERPRISE', ...common, creditCode: clean(p.creditCode)?.toUpperCase(), contactPerson: clean(p.contactPerson) }
    : { kind: 'PERSON', ...common, email: clean(p.email), idNumber: clean(p.idNumber)?.toUpperCase() }
}

/** The matter of a letter or a referral; anonymous and confidential follow the party who wrote. */
function writtenMatter(d: MatterDraft, party: PartyDraft): WrittenMatterRequest {
  const anonymous = party.kind === 'ANONYMOUS'
  return {
    ...matterFields(d),
    title: d.title.trim(),
    content: d.content.trim(),
    anonymous,
    confidential: !anonymous && party.confidential,
  }
}

export function buildLetterRequest(d: LetterDraft): LetterRequest {
  return {
    letterReference: d.letterReference.trim(),
    postmarkDate: d.postmarkDate,
    sender: sender(d.sender),
    ...writtenMatter(d, d.sender),
  }
}

function complainant(p: PartyDraft): ComplainantRequest | undefined {
  if (p.kind === 'ANONYMOUS') {
    const mobile = clean(p.mobile)
    return mobile ? { kind: 'ANONYMOUS', mobile } : undefined
  }
  const { address: _address, ...rest } = sender(p)
  return rest as ComplainantRequest
}

export function buildReferralRequest(d: ReferralDraft): ReferralRequest {
  return {
    referralReference: d.referralReference.trim(),
    referringBody: { kind: d.bodyKind as ReferringBodyKind, name: d.bodyName.trim() },
    referredAt: withBeijingOffset(d.referredAt),
    ...writtenMatter(d, d.complainant),
    complainant: complainant(d.complainant),
  }
}

/** Least text worth classifying: fewer characters say too little about a category. */
export const PREVIEW_MIN_CHARS = 6

/**
 * The routing preview of a call: the text routing will read once the case exists — summary (the case's title), "。"
 * and the content (the summary again when there is no content) — with the district, type, hint and accused unit.
 * Null while there is not enough to ask about.
 */
export function buildPreviewRequest(d: MatterDraft): PreviewRequest | null {
  const title = d.title.trim()
  const content = d.content.trim()
  const text = title ? `${title}。${content || title}` : content
  if (!d.district || text.replace(/\s|。/g, '').length < PREVIEW_MIN_CHARS) return null
  return {
    content: text.slice(0, CONTENT_MAX),
    district: d.district,
    type: d.type || undefined,
    categoryHint: clean(d.categoryHint),
    accusedUnit: clean(d.accusedUnit),
  }
}

/** Same preview inputs → same key: a change that does not alter the request asks nothing new. */
export function previewKey(request: PreviewRequest | null): string {
  return request === null ? '' : JSON.stringify(request)
}

// ------------------------------------------------------------------ server field paths → form items

const PARTY_FIELDS = ['kind', 'name', 'mobile', 'email', 'idNumber', 'creditCode', 'contactPerson', 'address', 'confidential']

function partyAliases(prefix: string): Record<string, string> {
  return {
    [`${prefix}.namedUnlessAnonymous`]: `${prefix}.name`,
    [`${prefix}.reachableUnlessAnonymous`]: `${prefix}.mobile`,
    [`${prefix}.enterpriseIdentified`]: `${prefix}.creditCode`,
    [prefix]: `${prefix}.kind`,
    anonymous: `${prefix}.kind`,
    confidential: `${prefix}.confidential`,
  }
}

const MATTER_FIELDS = ['type', 'urgent', 'district', 'title', 'content', 'categoryHint', 'accusedUnit']

export const HOTLINE_ALIASES: Record<string, string> = {
  ...partyAliases('party'),
  summary: 'title',
  callerName: 'party.name',
  complainantKind: 'party.kind',
  email: 'party.email',
  idNumber: 'party.idNumber',
  creditCode: 'party.creditCode',
  contactPerson: 'party.contactPerson',
}
export const HOTLINE_FIELDS = new Set([
  ...MATTER_FIELDS,
  'workOrderNumber',
  'callTime',
  'callerPhone',
  'operatorId',
  'recordingRef',
  ...PARTY_FIELDS.map((f) => `party.${f}`),
])

export const LETTER_ALIASES: Record<string, string> = partyAliases('sender')
export const LETTER_FIELDS = new Set([
  ...MATTER_FIELDS,
  'letterReference',
  'postmarkDate',
  ...PARTY_FIELDS.map((f) => `sender.${f}`),
])

export const REFERRAL_ALIASES: Record<string, string> = {
  ...partyAliases('complainant'),
  complainantGivenUnlessAnonymous: 'complainant.kind',
  referringBody: 'bodyKind',
  'referringBody.kind': 'bodyKind',
  'referringBody.name': 'bodyName',
}
export const REFERRAL_FIELDS = new Set([
  ...MATTER_FIELDS,
  'referralReference',
  'bodyKind',
  'bodyName',
  'referredAt',
  ...PARTY_FIELDS.map((f) => `complainant.${f}`),
])
