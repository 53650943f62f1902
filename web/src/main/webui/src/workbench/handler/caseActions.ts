import {
  CASE_ACTIONS,
  FIRST_CONTACT_METHODS,
  handlerApi,
  RESULT_CODES,
  type CaseAction,
  type CoUnitPartBody,
  type ExtensionBody,
  type FirstContactBody,
  type MatrixRow,
  type ReplyBody,
  type ResumeBody,
  type ReturnBody,
  type SuspensionBody,
} from '@/api/handler'
import { textLength } from '@/common/text'

/**
 * The handler's actions on a case: which fields each asks for, the limits of supervision-service's *Request records
 * (checked here first, and again by the server), and the request each sends.
 */

/** Limits from supervision-service rest/*Request.java and the notes contract. */
export const LIMITS = {
  reason: 1000,
  basis: 1000,
  legalBasis: 1000,
  coUnitText: 4000,
  replyText: 4000,
  resumeNote: 1000,
  note: 2000,
  suspensionDaysMin: 1,
  suspensionDaysMax: 60,
  extensionDaysMin: 1,
} as const

/** The order of the buttons: the closed loop first, the side roads after. */
export const ACTION_ORDER: CaseAction[] = [...CASE_ACTIONS]

/** Actions that open a dialog (the internal note is written in the notes section). */
export type DialogAction = Exclude<CaseAction, 'note'>

export function visibleActions(actions: readonly string[]): CaseAction[] {
  return ACTION_ORDER.filter((a) => actions.includes(a))
}

export interface ActionForm {
  method: string
  reason: string
  basis: string
  workingDays: number | null
  legalBasis: string
  text: string
  resultCode: string
  note: string
}

export function emptyForm(): ActionForm {
  return { method: '', reason: '', basis: '', workingDays: null, legalBasis: '', text: '', resultCode: '', note: '' }
}

/** The form fields of each action, named as the server names them in field errors. */
export const ACTION_FIELDS: Record<DialogAction, (keyof ActionForm)[]> = {
  sign: [],
  'first-contact': ['method'],
  return: ['reason', 'basis'],
  extension: ['workingDays', 'reason', 'legalBasis'],
  'co-unit-part': ['text'],
  reply: ['resultCode', 'text'],
  suspension: ['reason', 'basis', 'workingDays'],
  resume: ['note'],
}

/** The message key (under handler.validation) and its parameters for a field that is not right yet. */
export interface FieldIssue {
  key: 'required' | 'tooLong' | 'range' | 'min' | 'choose'
  params?: Record<string, number>
}

function textIssue(value: string, max: number): FieldIssue | null {
  if (value.trim() === '') return { key: 'required' }
  if (textLength(value.trim()) > max) return { key: 'tooLong', params: { max } }
  return null
}

function intIssue(value: number | null, min: number, max?: number): FieldIssue | null {
  if (value === null || value === undefined || Number.isNaN(value)) return { key: 'required' }
  if (!Number.isInteger(value)) return { key: 'required' }
  if (max !== undefined && (value < min || value > max)) return { key: 'range', params: { min, max } }
  if (value < min) return { key: 'min', params: { min } }
  return null
}

/** What is missing or too long; empty when the form may be sent. */
export function checkAction(action: DialogAction, f: ActionForm): Record<string, FieldIssue> {
  const out: Record<string, FieldIssue> = {}
  const add = (field: string, issue: FieldIssue | null) => {
    if (issue) out[field] = issue
  }
  switch (action) {
    case 'first-contact':
      if (!(FIRST_CONTACT_METHODS as readonly string[]).includes(f.method)) add('method', { key: 'choose' })
      break
    case 'return':
      add('reason', textIssue(f.reason, LIMITS.reason))
      add('basis', textIssue(f.basis, LIMITS.basis))
      break
    case 'extension':
      add('workingDays', intIssue(f.workingDays, LIMITS.extensionDaysMin))
      add('reason', textIssue(f.reason, LIMITS.reason))
      add('legalBasis', textIssue(f.legalBasis, LIMITS.legalBasis))
      break
    case 'co-unit-part':
      add('text', textIssue(f.text, LIMITS.coUnitText))
      break
    case 'reply':
      if (!(RESULT_CODES as readonly string[]).includes(f.resultCode)) add('resultCode', { key: 'choose' })
      add('text', textIssue(f.text, LIMITS.replyText))
      break
    case 'suspension':
      add('reason', textIssue(f.reason, LIMITS.reason))
      add('basis', textIssue(f.basis, LIMITS.basis))
      add('workingDays', intIssue(f.workingDays, LIMITS.suspensionDaysMin, LIMITS.suspensionDaysMax))
      break
    case 'resume':
      add('note', textIssue(f.note, LIMITS.resumeNote))
      break
    default:
      break
  }
  return out
}

export type ActionBody =
  | Record<string, never>
  | FirstContactBody
  | ReturnBody
  | ExtensionBody
  | CoUnitPartBody
  | ReplyBody
  | SuspensionBody
  | ResumeBody

/** The JSON body of an action (texts trimmed); `sign` sends none. */
export function buildBody(action: DialogAction, f: ActionForm): ActionBody {
  switch (action) {
    case 'sign':
      return {}
    case 'first-contact':
      return { method: f.method as FirstContactBody['method'] }
    case 'return':
      return { reason: f.reason.trim(), basis: f.basis.trim() }
    case 'extension':
      return { workingDays: f.workingDays ?? 0, reason: f.reason.trim(), legalBasis: f.legalBasis.trim() }
    case 'co-unit-part':
      return { text: f.text.trim() }
    case 'reply':
      return { resultCode: f.resultCode as ReplyBody['resultCode'], text: f.text.trim() }
    case 'suspension':
      return { reason: f.reason.trim(), basis: f.basis.trim(), workingDays: f.workingDays ?? 0 }
    case 'resume':
      return { note: f.note.trim() }
  }
}

/** Sends an action. */
export function sendAction(action: DialogAction, caseNumber: string, f: ActionForm): Promise<unknown> {
  switch (action) {
    case 'sign':
      return handlerApi.sign(caseNumber)
    case 'first-contact':
      return handlerApi.firstContact(caseNumber, buildBody(action, f) as FirstContactBody)
    case 'return':
      return handlerApi.returnCase(caseNumber, buildBody(action, f) as ReturnBody)
    case 'extension':
      return handlerApi.extension(caseNumber, buildBody(action, f) as ExtensionBody)
    case 'co-unit-part':
      return handlerApi.coUnitPart(caseNumber, buildBody(action, f) as CoUnitPartBody)
    case 'reply':
      return handlerApi.reply(caseNumber, buildBody(action, f) as ReplyBody)
    case 'suspension':
      return handlerApi.suspension(caseNumber, buildBody(action, f) as SuspensionBody)
    case 'resume':
      return handlerApi.resume(caseNumber, buildBody(action, f) as ResumeBody)
  }
}

/**
 * The text a return cites when the handler picks a matrix row: which row (version, category, scope), its lead unit
 * and its legal basis, so that arbitration can find it.
 */
export function basisFromRow(row: MatrixRow, version: number | null, scopeName: string, leadName: string): string {
  const head = version !== null ? `权责清单第 ${version} 版` : '权责清单'
  return `${head}「${row.nameZh}」（${scopeName}，主办：${leadName}）：${row.basis}`
}

/** Matrix rows matching a search (category code or name, scope, lead, basis), for the searchable select. */
export function filterRows(rows: readonly MatrixRow[], query: string, names: (row: MatrixRow) => string[] = () => []): MatrixRow[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...rows]
  return rows.filter((r) =>
    [r.category, r.nameZh, r.nameEn ?? '', r.scope, r.lead, r.leadName ?? '', r.basis, ...names(r)].some((s) =>
      s.toLowerCase().includes(q),
    ),
  )
}
