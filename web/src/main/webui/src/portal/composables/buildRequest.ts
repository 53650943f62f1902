import type { ComplainantRequest, SubmitComplaintRequest } from '@/api/types'
import type { ComplaintDraft } from './complaintDraft'

function clean(value: string): string | undefined {
  const v = value.trim()
  return v === '' ? undefined : v
}

/** The JSON body of POST /api/intake/complaints from the draft; fields that do not apply to the kind are left out. */
export function buildRequest(d: ComplaintDraft, verificationNeeded: boolean): SubmitComplaintRequest {
  const c = d.complainant
  const mobile = clean(c.mobile)
  let complainant: ComplainantRequest
  if (d.kind === 'ANONYMOUS') {
    complainant = { kind: 'ANONYMOUS', mobile }
  } else if (d.kind === 'ENTERPRISE') {
    complainant = {
      kind: 'ENTERPRISE',
      name: clean(c.name),
      creditCode: clean(c.creditCode)?.toUpperCase(),
      contactPerson: clean(c.contactPerson),
      mobile,
    }
  } else {
    complainant = {
      kind: 'PERSON',
      name: clean(c.name),
      mobile,
      email: clean(c.email),
      idNumber: clean(c.idNumber)?.toUpperCase(),
    }
  }
  const request: SubmitComplaintRequest = {
    type: d.type,
    urgent: d.urgent,
    title: d.title.trim(),
    content: d.content.trim(),
    district: d.district,
    accusedUnit: d.accusedUnit || undefined,
    anonymous: d.kind === 'ANONYMOUS',
    confidential: d.kind !== 'ANONYMOUS' && d.confidential,
    complainant,
  }
  if (mobile && verificationNeeded && d.verification.token && d.verification.mobile === mobile) {
    request.mobileVerification = d.verification.token
  }
  return request
}

/** Server field paths → the form items that show them (validator methods are named after their rule). */
export const FIELD_ALIASES: Record<string, string> = {
  'complainant.namedUnlessAnonymous': 'complainant.name',
  'complainant.reachableUnlessAnonymous': 'complainant.mobile',
  'complainant.enterpriseIdentified': 'complainant.creditCode',
  complainantGivenUnlessAnonymous: 'kind',
  'complainant.kind': 'kind',
  complainant: 'kind',
  anonymous: 'kind',
}

export const FORM_FIELDS = new Set([
  'type',
  'urgent',
  'district',
  'title',
  'content',
  'accusedUnit',
  'kind',
  'confidential',
  'complainant.name',
  'complainant.mobile',
  'complainant.email',
  'complainant.idNumber',
  'complainant.creditCode',
  'complainant.contactPerson',
  'mobileVerification',
])

export function isFormField(field: string): boolean {
  return FORM_FIELDS.has(field) || /^attachments(\[\d+\])?$/.test(field)
}
