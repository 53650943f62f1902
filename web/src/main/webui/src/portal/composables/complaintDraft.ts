import { reactive } from 'vue'
import type { ComplainantKind } from '@/api/types'

/**
 * What the user has typed on 我要投诉, kept in memory while the tab lives so that an error, a detour to another
 * page or a sign-in never loses it. Cleared after a successful submission.
 */
export interface ComplaintDraft {
  type: string
  urgent: boolean
  district: string
  title: string
  content: string
  accusedUnit: string
  kind: ComplainantKind
  confidential: boolean
  complainant: {
    name: string
    mobile: string
    email: string
    idNumber: string
    creditCode: string
    contactPerson: string
  }
  files: File[]
  /** The mobile-verification token and the number it proves. */
  verification: { token: string | null; mobile: string | null }
}

function empty(): ComplaintDraft {
  return {
    type: '',
    urgent: false,
    district: '',
    title: '',
    content: '',
    accusedUnit: '',
    kind: 'PERSON',
    confidential: false,
    complainant: { name: '', mobile: '', email: '', idNumber: '', creditCode: '', contactPerson: '' },
    files: [],
    verification: { token: null, mobile: null },
  }
}

export const draft = reactive<ComplaintDraft>(empty())

export function resetDraft(): void {
  Object.assign(draft, empty())
}
