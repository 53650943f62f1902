import { describe, expect, it } from 'vitest'
import { toProblem } from '@/api/problem'
import type { CaseComplaint } from '@/api/handler'
import { classifyFailure, complainantDisplay, decisionsNewestFirst, orderTimeline, percent } from './caseView'
import { bulkSummary, failureText, selectableOnTab } from './queueView'

const complaint = (o: Partial<CaseComplaint> = {}): CaseComplaint => ({
  title: '办证难',
  content: '第一行\n第二行',
  channel: 'WEB',
  receivedAt: '2026-12-21T09:00:00+08:00',
  complainantKind: 'PERSON',
  displayName: '张**',
  maskedMobile: '138****1234',
  anonymous: false,
  confidential: false,
  contactable: true,
  ...o,
})

describe('complainantDisplay', () => {
  it('never shows a confidential complainant, even if names were sent', () => {
    expect(complainantDisplay(complaint({ confidential: true }))).toEqual({ kind: 'confidential' })
  })
  it('says anonymous', () => {
    expect(complainantDisplay(complaint({ anonymous: true }))).toEqual({ kind: 'anonymous' })
    expect(complainantDisplay(complaint({ complainantKind: 'ANONYMOUS' }))).toEqual({ kind: 'anonymous' })
  })
  it('shows the name and masked mobile otherwise', () => {
    expect(complainantDisplay(complaint({ complainantKind: 'ENTERPRISE' }))).toEqual({
      kind: 'named',
      name: '张**',
      mobile: '138****1234',
      enterprise: true,
      contactable: true,
    })
    expect(complainantDisplay(null)).toEqual({ kind: 'none' })
  })
})

describe('orderTimeline', () => {
  const entries = [
    { at: '2026-12-21T10:00:00+08:00', actor: 'a', action: 'sign', summary: '2' },
    { at: '2026-12-21T09:00:00+08:00', actor: 'a', action: 'open', summary: '1' },
    { at: '2026-12-21T10:00:00+08:00', actor: 'a', action: 'note', summary: '3' },
  ]
  it('orders oldest first keeping ties in server order, and reverses for newest first', () => {
    expect(orderTimeline(entries, false).map((e) => e.summary)).toEqual(['1', '2', '3'])
    expect(orderTimeline(entries, true).map((e) => e.summary)).toEqual(['3', '2', '1'])
  })
})

describe('routing decisions', () => {
  it('puts the decision in force first and shows confidence as a percentage', () => {
    const d = (decidedAt: string) => ({
      decidedAt, kind: 'AUTO', category: 'X', lead: 'TAX', leadName: null, coHandlers: [],
      matrixVersion: 1, matrixRowId: 1, confidence: 0.874, explanation: null, actor: null,
    })
    const list = decisionsNewestFirst({
      caseNumber: 'c', status: 's', category: null, currentLead: null, dispatchCount: 2, designated: false,
      decisions: [d('2026-12-20T09:00:00+08:00'), d('2026-12-21T09:00:00+08:00')],
    })
    expect(list[0].decidedAt).toBe('2026-12-21T09:00:00+08:00')
    expect(percent(0.874)).toBe('87%')
    expect(percent(null)).toBe('')
    expect(decisionsNewestFirst(null)).toEqual([])
  })
})

describe('classifyFailure', () => {
  it('puts field errors beside the fields of the form and the rest in the alert', () => {
    const p = toProblem(400, {
      status: 400,
      title: '请求有误',
      errors: [
        { field: 'reason', message: '不能为空' },
        { field: 'request', message: '请求体不能为空' },
      ],
    })
    expect(classifyFailure(p, ['reason', 'basis'])).toEqual({
      kind: 'fields',
      byField: { reason: '不能为空' },
      others: ['请求体不能为空'],
    })
  })
  it('hands a 409 to the page with its detail, and a 404 as gone', () => {
    expect(classifyFailure(toProblem(409, { title: '状态不允许', detail: '案件已签收，现在可以：first-contact' }), [])).toEqual({
      kind: 'conflict',
      message: '案件已签收，现在可以：first-contact',
    })
    expect(classifyFailure(toProblem(404, {}), []).kind).toBe('gone')
    expect(classifyFailure(toProblem(500, {}), []).kind).toBe('other')
  })
})

describe('bulk sign-for', () => {
  it('is offered only on the 待签收 tab', () => {
    expect(selectableOnTab('TO_SIGN')).toBe(true)
    expect(selectableOnTab('IN_PROGRESS')).toBe(false)
  })
  it('counts results and explains failures from the problem', () => {
    const results = [
      { caseNumber: 'A', ok: true, status: 'SIGNED', problem: null },
      { caseNumber: 'B', ok: false, status: 'CLOSED', problem: { status: 409, title: '状态不允许', detail: '案件已办结' } },
      { caseNumber: 'C', ok: false, status: null, problem: null },
    ]
    expect(bulkSummary(results)).toEqual({ total: 3, ok: 1, failed: 2 })
    expect(failureText(results[0])).toBeNull()
    expect(failureText(results[1])).toBe('状态不允许：案件已办结')
    expect(failureText(results[2])).toBeNull()
  })
})

describe('bulk sign-for in parts', () => {
  it('sends at most 50 case numbers per request', async () => {
    const { chunk } = await import('./queueView')
    const list = Array.from({ length: 120 }, (_, i) => `C${i}`)
    expect(chunk(list, 50).map((c) => c.length)).toEqual([50, 50, 20])
    expect(chunk([], 50)).toEqual([])
  })
  it('explains a failure in English when asked', () => {
    const r = { caseNumber: 'B', ok: false, status: null, problem: { status: 409, title: '状态不允许', titleEn: 'Not allowed now', detail: 'closed' } }
    expect(failureText(r, true)).toBe('Not allowed now: closed')
  })
})
