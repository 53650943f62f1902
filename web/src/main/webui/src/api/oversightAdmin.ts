import { api } from './client'
import type { Matrix, MatrixRow, RoutingUnit } from './desk'

export type { Matrix, MatrixRow, RoutingUnit }

// ------------------------------------------------------------------------------- responsibility matrix (case-routing)

/** One field of a row before and after (null: the row did not have it). */
export interface FieldChange {
  field: string
  before: string | null
  after: string | null
}

export interface MatrixChange {
  change: 'ADDED' | 'REMOVED' | 'CHANGED'
  category: string
  scope: string
  fields: FieldChange[]
}

/** A version: who made it, when, why, and what it changed against the previous one. */
export interface MatrixVersion {
  version: number
  createdAt: string
  createdBy: string | null
  note: string | null
  rows: number
  changes: MatrixChange[]
}

export interface MatrixImported {
  created: boolean
  version: MatrixVersion
}

export interface RowEdit {
  nameZh?: string | null
  nameEn?: string | null
  lead: string
  coHandlers: string[]
  basis: string
  note?: string | null
}

const scopePath = (category: string, scope: string) =>
  `/api/routing/matrix/rows/${encodeURIComponent(category)}/${encodeURIComponent(scope)}`

export const adminMatrix = {
  current: () => api<Matrix>('/api/routing/matrix'),
  versions: () => api<MatrixVersion[]>('/api/routing/matrix/versions'),
  version: (version: number) => api<Matrix>(`/api/routing/matrix/versions/${version}`),
  units: () => api<RoutingUnit[]>('/api/routing/units'),
  editRow: (category: string, scope: string, edit: RowEdit) =>
    api<MatrixImported>(scopePath(category, scope), { method: 'PUT', json: edit }),
  removeRow: (category: string, scope: string, note: string) =>
    api<MatrixImported>(scopePath(category, scope), { method: 'DELETE', query: { note } }),
  /** A whole matrix as CSV; 400 `matrix-invalid` lists every error as `line[N].field`. */
  importCsv: (csv: string, note: string) =>
    api<MatrixImported>('/api/routing/matrix', {
      method: 'POST',
      blob: new Blob([csv], { type: 'text/csv; charset=UTF-8' }),
      query: { note },
    }),
}

// ------------------------------------------------------------------------------- templates (notification-service)

/** source: ADMIN (a saved version), FILE (shipped), FALLBACK_ZH_CN (no English text), FALLBACK_SMS (no email text). */
export interface TemplateSummary {
  key: string
  locale: string
  channel: string
  version: number
  source: 'ADMIN' | 'FILE' | 'FALLBACK_ZH_CN' | 'FALLBACK_SMS' | string
  updatedBy: string | null
  updatedAt: string | null
}

export interface TemplateVersion {
  version: number
  body: string
  createdBy: string | null
  createdAt: string | null
  note: string | null
}

export interface TemplateDetails {
  key: string
  locale: string
  channel: string
  version: number
  body: string
  variables: string[]
  /** Newest first; version 0 is the shipped file. */
  versions: TemplateVersion[]
}

export interface TemplatePreview {
  key: string
  locale: string
  text: string
  length: number
  smsSegments: number | null
  maxSegments: number | null
}

const templatePath = (key: string) => `/api/notification/admin/templates/${encodeURIComponent(key)}`

export const adminTemplates = {
  list: () => api<TemplateSummary[]>('/api/notification/admin/templates'),
  get: (key: string, locale: string) => api<TemplateDetails>(templatePath(key), { query: { locale } }),
  save: (key: string, locale: string, body: string, note: string) =>
    api<TemplateDetails>(templatePath(key), { method: 'PUT', query: { locale }, json: { body, note } }),
  preview: (key: string, locale: string, body: string, signal?: AbortSignal) =>
    api<TemplatePreview>(`${templatePath(key)}/preview`, { method: 'POST', query: { locale }, json: { body }, signal }),
}

// ------------------------------------------------------------------------------- dead letters (notification-service)

export interface NotificationLine {
  id: number
  caseNumber: string | null
  eventType: string | null
  recipientKind: string
  recipient: string
  address: string | null
  channel: string
  template: string | null
  subject: string | null
  body: string | null
  status: string
  createdAt: string
  sentAt: string | null
  readAt: string | null
  attempts: number
  nextAttemptAt: string | null
  lastError: string | null
}

export const adminDeadLetters = {
  list: () => api<NotificationLine[]>('/api/notification/admin/dead-letters'),
  retry: (id: number) => api<NotificationLine>(`/api/notification/admin/notifications/${id}/retry`, { method: 'POST' }),
}

// ------------------------------------------------------------------------------- working-day calendar (supervision)

export interface LoadedYear {
  year: number
  loadedAt: string
  /** `reference/holidays-cn/2026.json` (shipped) or `admin:<user>`. */
  source: string
  offDays: number
  workDays: number
  /** The current version of the year (each notice, one-off change or withdrawal is one). */
  version?: number
  /** false: only one-off days, no notice yet (the year is provisional). */
  notice?: boolean
}

export interface ProvisionalYear {
  year: number
  /** The statutory holidays standing in for the notice. */
  holidays: { date: string; name: string }[]
  oneOffDays: number
}

export interface CalendarOverview {
  today: string
  years: LoadedYear[]
  /** This year and next (Asia/Shanghai) when not loaded. */
  missing: number[]
  /** Deadlines from this day on are provisional. */
  provisionalFrom?: string
  provisional?: ProvisionalYear[]
  /** Cases not closed with a provisional handling or follow-up deadline. */
  provisionalDeadlines?: number
}

export interface OneOffDay {
  date: string
  offDay: boolean
  name?: string
  reference: string
  noticeDate: string
}

export interface CalendarChange {
  year: number
  version: number
  recomputedCases: number
}

export interface CalendarVersion {
  year: number
  version: number
  kind: 'NOTICE' | 'ONE_OFF' | 'WITHDRAWN'
  createdAt: string
  createdBy: string
  source: string
  reference: string | null
  noticeDate: string | null
  date: string | null
  offDay: boolean | null
  name: string | null
}

export interface CalendarDay {
  date: string
  offDay: boolean
  name: string
}

export interface HolidayNotice {
  year: number
  papers?: string[]
  days: { name: string; date: string; isOffDay: boolean }[]
}

export interface YearLoaded {
  year: number
  days: number
  recomputedCases: number
}

export const adminCalendar = {
  overview: () => api<CalendarOverview>('/api/supervision/calendar'),
  year: (year: number) => api<CalendarDay[]>(`/api/supervision/calendar/${year}`),
  upload: (year: number, notice: unknown) =>
    api<YearLoaded>(`/api/supervision/calendar/${year}`, { method: 'PUT', json: notice }),
  addDay: (year: number, day: OneOffDay) =>
    api<CalendarChange>(`/api/supervision/calendar/${year}/days`, { method: 'POST', json: day }),
  versions: (year: number) => api<CalendarVersion[]>(`/api/supervision/calendar/${year}/versions`),
}
