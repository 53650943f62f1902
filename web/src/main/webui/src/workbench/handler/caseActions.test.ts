import { describe, expect, it } from 'vitest'
import type { MatrixRow } from '@/api/handler'
import { basisFromRow, buildBody, checkAction, emptyForm, filterRows, LIMITS, visibleActions, type ActionForm } from './caseActions'

const form = (o: Partial<ActionForm> = {}): ActionForm => ({ ...emptyForm(), ...o })

describe('visibleActions', () => {
  it('shows only what the server allows, in the order of the closed loop, ignoring unknown names', () => {
    expect(visibleActions(['note', 'reply', 'return', 'approve', 'sign'])).toEqual(['sign', 'return', 'reply', 'note'])
    expect(visibleActions([])).toEqual([])
  })
})

describe('checkAction', () => {
  it('asks for a contact method from the allowed list', () => {
    expect(checkAction('first-contact', form())).toEqual({ method: { key: 'choose' } })
    expect(checkAction('first-contact', form({ method: 'FAX' }))).toEqual({ method: { key: 'choose' } })
    expect(checkAction('first-contact', form({ method: 'PHONE' }))).toEqual({})
  })

  it('needs a reason and a basis to return, each at most 1000 characters', () => {
    expect(checkAction('return', form({ reason: '  ' }))).toEqual({ reason: { key: 'required' }, basis: { key: 'required' } })
    expect(checkAction('return', form({ reason: 'x'.repeat(1001), basis: '清单' }))).toEqual({
      reason: { key: 'tooLong', params: { max: 1000 } },
    })
  })

  it('needs whole working days for an extension and suspension (1–60)', () => {
    expect(checkAction('extension', form({ reason: 'r', legalBasis: 'b' }))).toEqual({ workingDays: { key: 'required' } })
    expect(checkAction('extension', form({ workingDays: 0, reason: 'r', legalBasis: 'b' }))).toEqual({
      workingDays: { key: 'min', params: { min: 1 } },
    })
    expect(checkAction('extension', form({ workingDays: 10, reason: 'r', legalBasis: 'b' }))).toEqual({})
    expect(checkAction('suspension', form({ workingDays: 61, reason: 'r', basis: 'b' }))).toEqual({
      workingDays: { key: 'range', params: { min: 1, max: 60 } },
    })
    expect(checkAction('suspension', form({ workingDays: 1.5, reason: 'r', basis: 'b' })).workingDays).toBeDefined()
  })

  it('needs a result code and a text to reply', () => {
    expect(checkAction('reply', form({ text: '答复' }))).toEqual({ resultCode: { key: 'choose' } })
    expect(checkAction('reply', form({ resultCode: 'RESOLVED', text: 'x'.repeat(LIMITS.replyText + 1) }))).toEqual({
      text: { key: 'tooLong', params: { max: 4000 } },
    })
  })

  it('needs the answer received to resume, and nothing to sign', () => {
    expect(checkAction('resume', form())).toEqual({ note: { key: 'required' } })
    expect(checkAction('sign', form())).toEqual({})
  })
})

describe('buildBody', () => {
  it('sends each action the fields of its request record, trimmed', () => {
    const f = form({
      method: 'VISIT',
      reason: ' 不属本单位职责 ',
      basis: ' 清单第 3 版 ',
      workingDays: 5,
      legalBasis: ' 条例第十条 ',
      text: ' 已核实 ',
      resultCode: 'EXPLAINED',
      note: ' 投诉人已补充材料 ',
    })
    expect(buildBody('sign', f)).toEqual({})
    expect(buildBody('first-contact', f)).toEqual({ method: 'VISIT' })
    expect(buildBody('return', f)).toEqual({ reason: '不属本单位职责', basis: '清单第 3 版' })
    expect(buildBody('extension', f)).toEqual({ workingDays: 5, reason: '不属本单位职责', legalBasis: '条例第十条' })
    expect(buildBody('co-unit-part', f)).toEqual({ text: '已核实' })
    expect(buildBody('reply', f)).toEqual({ resultCode: 'EXPLAINED', text: '已核实' })
    expect(buildBody('suspension', f)).toEqual({ reason: '不属本单位职责', basis: '清单第 3 版', workingDays: 5 })
    expect(buildBody('resume', f)).toEqual({ note: '投诉人已补充材料' })
  })
})

describe('return basis from the matrix', () => {
  const rows: MatrixRow[] = [
    { id: 11, category: 'TAX_RELIEF', nameZh: '减税降费与税费优惠', nameEn: 'Tax and fee relief', lead: 'TAX', leadName: '市税务局', coHandlers: [], scope: 'city', basis: '市优化营商环境实施意见 第2项' },
    { id: 12, category: 'SUBSIDY_PAYMENT', nameZh: '奖补资金兑现', nameEn: null, lead: 'CZJ', leadName: '市财政局', coHandlers: ['FGW'], scope: 'D01', basis: '实施意见 第3项' },
  ]

  it('cites version, row, scope, lead unit and basis', () => {
    expect(basisFromRow(rows[0], 3, '全市', '市税务局')).toBe(
      '权责清单第 3 版「减税降费与税费优惠」（全市，主办：市税务局）：市优化营商环境实施意见 第2项',
    )
  })

  it('finds rows by category, name, unit, basis or a display name', () => {
    expect(filterRows(rows, '财政').map((r) => r.id)).toEqual([12])
    expect(filterRows(rows, 'tax').map((r) => r.id)).toEqual([11])
    expect(filterRows(rows, '第3项').map((r) => r.id)).toEqual([12])
    expect(filterRows(rows, '城东', (r) => (r.scope === 'D01' ? ['城东区'] : [])).map((r) => r.id)).toEqual([12])
    expect(filterRows(rows, ' ')).toHaveLength(2)
  })
})
