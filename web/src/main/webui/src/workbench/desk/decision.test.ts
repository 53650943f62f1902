import { describe, expect, it } from 'vitest'
import type { MatrixRow } from '@/api/desk'
import { toProblem } from '@/api/problem'
import { applyRow, buildDispatchRequest, changeLead, buildRulingRequest, decisionField, emptyDecision, rowFor } from './decision'
import { categoriesOf } from './useDeskReference'
import { explainProblem, waitText } from './problems'
import { elapsedParts, formatElapsed, percent } from './time'

const row = (over: Partial<MatrixRow>): MatrixRow => ({
  id: 1,
  category: 'BUSINESS_REGISTRATION',
  nameZh: '企业登记',
  nameEn: 'Business registration',
  lead: 'SCJG',
  leadName: '市市场监管局',
  coHandlers: ['ZWFW'],
  scope: 'city',
  basis: '实施意见 第3项',
  ...over,
})
const rows = [
  row({ id: 1 }),
  row({ id: 2, scope: 'D01', lead: 'D01', leadName: '东城区人民政府', coHandlers: ['SCJG', 'D01'] }),
  row({ id: 3, category: 'TAX_RELIEF', nameZh: '减税降费', nameEn: 'Tax relief', lead: 'TAX', coHandlers: [] }),
]

describe('matrix rows in a decision', () => {
  it("prefers the district's own row to the city-wide one (属地管理)", () => {
    expect(rowFor(rows, 'BUSINESS_REGISTRATION', 'D01')?.id).toBe(2)
    expect(rowFor(rows, 'BUSINESS_REGISTRATION', 'D02')?.id).toBe(1)
    expect(rowFor(rows, 'UNKNOWN', 'D01')).toBeNull()
  })

  it('fills category, lead and co-units from a row, without the lead twice or excluded units', () => {
    expect(applyRow(emptyDecision(), rows[1])).toEqual({
      rowId: 2,
      category: 'BUSINESS_REGISTRATION',
      lead: 'D01',
      coHandlers: ['SCJG'],
      reason: '',
      misconductConfirmation: '',
    })
    expect(applyRow(emptyDecision(), rows[0], ['SCJG']).lead).toBe('')
  })

  it("drops the row, its category and its co-units when another lead is chosen, keeping the dispatcher's own", () => {
    const fromRow = { ...applyRow(emptyDecision(), rows[0]), coHandlers: ['ZWFW', 'FGW'] }
    expect(changeLead(fromRow, 'TAX', rows)).toEqual({
      rowId: null,
      category: '',
      lead: 'TAX',
      coHandlers: ['FGW'],
      reason: '',
      misconductConfirmation: '',
    })
    expect(changeLead(fromRow, 'SCJG', rows)).toEqual({ ...fromRow, lead: 'SCJG' })
    expect(changeLead(emptyDecision(), 'TAX', rows)).toEqual({ ...emptyDecision(), lead: 'TAX' })
  })

  it('lists each category once, named by its city-wide row', () => {
    expect(categoriesOf(rows)).toEqual([
      { code: 'BUSINESS_REGISTRATION', name: '企业登记', nameEn: 'Business registration' },
      { code: 'TAX_RELIEF', name: '减税降费', nameEn: 'Tax relief' },
    ])
  })
})

describe('decision requests', () => {
  it('sends lead, at most ten distinct co-units other than the lead, and the trimmed reason', () => {
    const d = { ...emptyDecision(), lead: 'SCJG', coHandlers: ['SCJG', 'A1', 'A1', ...Array.from({ length: 12 }, (_, i) => `U${i}`)], reason: ' 属地 ' }
    const r = buildDispatchRequest(d)
    expect(r.lead).toBe('SCJG')
    expect(r.category).toBeUndefined()
    expect(r.reason).toBe('属地')
    expect(r.coHandlers).toHaveLength(10)
    expect(r.coHandlers?.[0]).toBe('A1')
    expect(new Set(r.coHandlers).size).toBe(10)
  })

  it('sends only the reason when a return is rejected', () => {
    const d = { ...emptyDecision(), lead: 'TAX', category: 'TAX_RELIEF', reason: '职责明确' }
    expect(buildRulingRequest(false, d)).toEqual({ upheld: false, reason: '职责明确' })
    expect(buildRulingRequest(true, d)).toEqual({ upheld: true, category: 'TAX_RELIEF', lead: 'TAX', coHandlers: [], reason: '职责明确' })
  })

  it('puts the co-units errors on the co-units item', () => {
    expect(decisionField('coHandlers[2].<list element>')).toBe('coHandlers')
    expect(decisionField('lead')).toBe('lead')
  })
})

describe('problems, waiting times and percentages', () => {
  const t = (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)

  it("explains a problem by the page's own text first, then by status", () => {
    const claimed = toProblem(409, { type: 'urn:openysb:problem:claimed', title: '工单已由其他派单员认领' })
    expect(explainProblem(claimed, t, { claimed: 'desk.dispatch.claimedByOther' })).toMatch(/^desk.dispatch.claimedByOther/)
    expect(explainProblem(toProblem(404, {}), t, { '404': 'desk.search.notFound' })).toMatch(/^desk.search.notFound/)
    expect(explainProblem(claimed, t)).toBe('工单已由其他派单员认领')
    expect(explainProblem(toProblem(0, null), t)).toBe('errors.network')
    expect(explainProblem(toProblem(403, null), t)).toBe('desk.problems.forbidden')
    expect(explainProblem(toProblem(500, null), t)).toMatch(/^errors.generic/)
  })

  it('tells how long to wait after 429', () => {
    expect(explainProblem(toProblem(429, null, '30'), t)).toBe('errors.tooMany {"wait":"common.seconds {\\"n\\":30}"}')
    expect(explainProblem(toProblem(429, null), t)).toBe('errors.tooManyNoWait')
    expect(waitText(300, t)).toBe('common.minutes {"n":5}')
  })

  it('measures waiting in days, hours and minutes', () => {
    const from = '2026-12-07T09:00:00+08:00'
    const at = (minutes: number) => Date.parse(from) + minutes * 60000
    expect(elapsedParts(from, at(5))).toEqual({ days: 0, hours: 0, minutes: 5, total: 5 })
    expect(formatElapsed(from, t, at(125))).toBe('desk.time.hoursMinutes {"h":2,"m":5}')
    expect(formatElapsed(from, t, at(3 * 1440 + 60))).toBe('desk.time.daysHours {"d":3,"h":1}')
    expect(formatElapsed(from, t, at(-10))).toBe('desk.time.minutes {"m":0}')
    expect(formatElapsed(null, t)).toBe('common.none')
  })

  it('shows confidence as a whole percentage', () => {
    expect(percent(0.8749)).toBe('87%')
    expect(percent(1)).toBe('100%')
    expect(percent(null)).toBe('—')
  })
})

describe('possible misconduct (疑似涉及工作人员作风问题)', () => {
  const flagged = { misconductLevel: 'POSSIBLE', misconductLead: 'JW' }
  it('asks for a confirmation only when a flagged case goes to another unit than the discipline commission', async () => {
    const { needsMisconductConfirmation } = await import('./decision')
    expect(needsMisconductConfirmation(flagged, 'ZWFW')).toBe(true)
    expect(needsMisconductConfirmation(flagged, 'JW')).toBe(false)
    expect(needsMisconductConfirmation(flagged, '')).toBe(false)
    expect(needsMisconductConfirmation({ misconductLevel: null, misconductLead: null }, 'ZWFW')).toBe(false)
    expect(needsMisconductConfirmation(null, 'ZWFW')).toBe(false)
  })
  it('sends the confirmation only when it is needed, trimmed', () => {
    const d = { ...emptyDecision(), lead: 'ZWFW', reason: ' 窗口问题 ', misconductConfirmation: ' 不涉及工作人员 ' }
    expect(buildDispatchRequest(d, true).misconductConfirmation).toBe('不涉及工作人员')
    expect(buildDispatchRequest(d).misconductConfirmation).toBeUndefined()
  })
  it("splits the guard's evidence into its cues and wording", async () => {
    const { misconductEvidence } = await import('./decision')
    expect(misconductEvidence('线索「暗示送礼或给钱：送点东西」、线索「压着、卡着不办：一直压着」、用语「送点」')).toEqual([
      '线索「暗示送礼或给钱：送点东西」',
      '线索「压着、卡着不办：一直压着」',
      '用语「送点」',
    ])
    expect(misconductEvidence(null)).toEqual([])
  })
  it('maps the service field of the confirmation to its form item', () => {
    expect(decisionField('misconductConfirmation')).toBe('misconductConfirmation')
  })
  it('asks for it at arbitration when the ruling or designation leaves the case with another unit', async () => {
    const { arbitrationLead, needsMisconductConfirmation } = await import('./decision')
    // a rejected return leaves the case with the unit that returned it
    expect(arbitrationLead('ruling', 'no', '', 'ZWFW')).toBe('ZWFW')
    expect(needsMisconductConfirmation(flagged, arbitrationLead('ruling', 'no', '', 'ZWFW'))).toBe(true)
    expect(needsMisconductConfirmation(flagged, arbitrationLead('ruling', 'yes', 'JW', 'ZWFW'))).toBe(false)
    expect(needsMisconductConfirmation(flagged, arbitrationLead('ruling', 'yes', 'FGW', 'ZWFW'))).toBe(true)
    expect(needsMisconductConfirmation(flagged, arbitrationLead('ruling', '', 'FGW', 'ZWFW'))).toBe(false)
    expect(needsMisconductConfirmation(flagged, arbitrationLead('designation', '', 'FGW', 'ZWFW'))).toBe(true)
  })
  it('sends the confirmation with a ruling only when it is needed', () => {
    const d = { ...emptyDecision(), lead: 'FGW', reason: '属政策落实', misconductConfirmation: ' 不涉及工作人员 ' }
    expect(buildRulingRequest(true, d, true)).toMatchObject({ upheld: true, lead: 'FGW', misconductConfirmation: '不涉及工作人员' })
    expect(buildRulingRequest(false, d, true)).toEqual({
      upheld: false,
      reason: '属政策落实',
      misconductConfirmation: '不涉及工作人员',
    })
    expect(buildRulingRequest(true, d).misconductConfirmation).toBeUndefined()
  })
})
