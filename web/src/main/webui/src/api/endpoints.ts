import { api } from './client'
import type {
  CaseTracking,
  ExpectedReply,
  FollowUpRequest,
  FollowUpView,
  PublicStatistics,
  ReferenceData,
  SubmitComplaintRequest,
  SubmitComplaintResponse,
  VerificationConfirmed,
  VerificationSent,
} from './types'

/** Every call the portal makes, through the web module's one address. */
export const intake = {
  referenceData: () => api<ReferenceData>('/api/intake/reference-data', { anonymous: true }),

  /** JSON when there are no files, multipart (`complaint` + `attachments` parts) otherwise. */
  submit(request: SubmitComplaintRequest, files: File[]) {
    if (files.length === 0) return api<SubmitComplaintResponse>('/api/intake/complaints', { json: request })
    const form = new FormData()
    form.append('complaint', new Blob([JSON.stringify(request)], { type: 'application/json' }))
    for (const f of files) form.append('attachments', f, f.name)
    return api<SubmitComplaintResponse>('/api/intake/complaints', { form, method: 'POST' })
  },

  trackWithCode: (caseNumber: string, queryCode: string) =>
    api<CaseTracking>(`/api/intake/complaints/${encodeURIComponent(caseNumber)}`, {
      query: { queryCode },
      anonymous: true,
    }),

  trackWithToken: (caseNumber: string, token: string) =>
    api<CaseTracking>(`/api/intake/complaints/${encodeURIComponent(caseNumber)}`, {
      query: { token },
      anonymous: true,
    }),

  mine: () => api<CaseTracking[]>('/api/intake/complaints'),
}

export const notification = {
  sendCode: (mobile: string) =>
    api<VerificationSent>('/api/notification/verifications', { json: { mobile }, anonymous: true }),
  confirmCode: (mobile: string, code: string) =>
    api<VerificationConfirmed>('/api/notification/verifications/confirm', { json: { mobile, code }, anonymous: true }),
}

export const supervision = {
  expectedReply: (type: string, urgent: boolean) =>
    api<ExpectedReply>('/api/supervision/public/expected-reply', { query: { type, urgent }, anonymous: true }),
  statistics: (months = 6) =>
    api<PublicStatistics>('/api/supervision/public/statistics', { query: { months }, anonymous: true }),
  followUp: (caseNumber: string, token: string) =>
    api<FollowUpView>(`/api/supervision/follow-ups/${encodeURIComponent(caseNumber)}`, {
      query: { token },
      anonymous: true,
    }),
  rate: (caseNumber: string, token: string, request: FollowUpRequest) =>
    api<FollowUpView>(`/api/supervision/follow-ups/${encodeURIComponent(caseNumber)}`, {
      query: { token },
      json: request,
      anonymous: true,
    }),
}
