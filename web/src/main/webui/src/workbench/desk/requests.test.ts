import { describe, expect, it } from 'vitest'
import { mapFieldErrors } from '@/api/problem'
import {
  beijingToday,
  beijingWallClock,
  buildHotlineRequest,
  buildLetterRequest,
  buildPreviewRequest,
  buildReferralRequest,
  CALLER_PHONE,
  CASE_NUMBER,
  emptyHotlineDraft,
  emptyLetterDraft,
  emptyReferralDraft,
  HOTLINE_ALIASES,
  HOTLINE_FIELDS,
  isAfterNow,
  LETTER_ALIASES,
  LETTER_FIELDS,
  newWorkOrderNumber,
  normalizeCaseNumber,
  operatorIdOf,
  previewKey,
  REFERRAL_ALIASES,
  REFERRAL_FIELDS,
  WORK_ORDER_NUMBER,
  withBeijingOffset,
} from './requests'

// 2026-12-07 01:30:05 UTC = 09:30:05 in Beijing
const NOW = new Date(Date.UTC(2026, 11, 7, 1, 30, 5))

describe('Beijing time', () => {
  it('shows the wall clock of Beijing whatever the device zone', () => {
    expect(beijingWallClock(NOW)).toBe('2026-12-07T09:30:05')
    expect(beijingToday(new Date(Date.UTC(2026, 11, 7, 16, 0)))).toBe('2026-12-08')
  })

  it('adds +08:00 to typed times, with seconds when missing', () => {
    expect(withBeijingOffset('2026-12-07T09:30')).toBe('2026-12-07T09:30:00+08:00')
    expect(withBeijingOffset('2026-12-07 09:30:15')).toBe('2026-12-07T09:30:15+08:00')
    expect(withBeijingOffset('garbage')).toBe('garbage')
  })

  it('finds times in the future, with a tolerance for clock skew', () => {
    expect(isAfterNow('2026-12-07T09:34', NOW)).toBe(false)
    expect(isAfterNow('2026-12-07T09:40', NOW)).toBe(true)
    expect(isAfterNow('', NOW)).toBe(false)
  })
})

describe('work-order numbers and operator ids', () => {
  it('makes numbers the service accepts, from Beijing time and a random suffix', () => {
    const n = newWorkOrderNumber(NOW, () => 0)
    expect(n).toBe('HL20261207-093005-2222')
    expect(WORK_ORDER_NUMBER.test(n)).toBe(true)
    expect(newWorkOrderNumber(NOW, () => 0.999)).toMatch(/-ZZZZ$/)
  })

  it('turns a user name into an operator id', () => {
    expect(operatorIdOf('zhang.san')).toBe('zhang.san')
    expect(operatorIdOf('张三@12345')).toBe('___12345')
    expect(operatorIdOf(null)).toBe('')
    expect(operatorIdOf('x'.repeat(80))).toHaveLength(50)
  })

  it('accepts the caller numbers the service accepts', () => {
    for (const ok of ['13800138000', '010-12345678', '02112345678', '12345']) expect(CALLER_PHONE.test(ok)).toBe(true)
    for (const bad of ['1380013800', '12306', '+8613800138000']) expect(CALLER_PHONE.test(bad)).toBe(false)
  })

  it('tidies case numbers as pasted', () => {
    expect(normalizeCaseNumber(' ts2026 1207 0001 ')).toBe('TS202612070001')
    expect(CASE_NUMBER.test('TS202612070001')).toBe(true)
    expect(CASE_NUMBER.test('TS/1')).toBe(false)
  })
})

describe('buildHotlineRequest', () => {
  const draft = () => {
    const d = emptyHotlineDraft('op_1', NOW)
    Object.assign(d, {
      callerPhone: '138 0013 8000',
      type: 'COMPLAINT',
      district: 'D01',
      title: '  办理营业执照变更被多次要求补材料 ',
      content: '',
      recordingRef: ' REC-1 ',
    })
    d.party.name = '张三'
    d.party.email = 'z@example.cn'
    d.party.creditCode = '9111'
    return d
  }

  it('sends the summary as summary, the call time with +08:00 and only the fields of the kind', () => {
    const r = buildHotlineRequest(draft())
    expect(r).toMatchObject({
      workOrderNumber: expect.stringMatching(/^HL20261207-093005-/),
      callTime: '2026-12-07T09:30:05+08:00',
      callerPhone: '13800138000',
      callerName: '张三',
      operatorId: 'op_1',
      type: 'COMPLAINT',
      district: 'D01',
      summary: '办理营业执照变更被多次要求补材料',
      recordingRef: 'REC-1',
      anonymous: false,
      confidential: false,
      complainantKind: 'PERSON',
      email: 'z@example.cn',
    })
    expect(r.content).toBeUndefined()
    expect(r.creditCode).toBeUndefined()
    expect(r.categoryHint).toBeUndefined()
  })

  it('drops the name and confidentiality of an anonymous caller', () => {
    const d = draft()
    d.party.kind = 'ANONYMOUS'
    d.party.confidential = true
    const r = buildHotlineRequest(d)
    expect(r.anonymous).toBe(true)
    expect(r.confidential).toBe(false)
    expect(r.callerName).toBeUndefined()
    expect(r.complainantKind).toBe('ANONYMOUS')
  })

  it('sends an enterprise caller with credit code (upper case) and contact person', () => {
    const d = draft()
    d.party.kind = 'ENTERPRISE'
    d.party.creditCode = '91110000600037341l'
    d.party.contactPerson = ' 李四 '
    const r = buildHotlineRequest(d)
    expect(r.creditCode).toBe('91110000600037341L')
    expect(r.contactPerson).toBe('李四')
    expect(r.email).toBeUndefined()
  })
})

describe('buildPreviewRequest', () => {
  const matter = {
    type: 'COMPLAINT' as const,
    urgent: false,
    district: 'D01',
    title: '营业执照变更',
    content: '窗口多次要求补材料',
    categoryHint: '',
    accusedUnit: '',
  }

  it('reads summary and content as routing will: title 。 content', () => {
    expect(buildPreviewRequest(matter)).toEqual({
      content: '营业执照变更。窗口多次要求补材料',
      district: 'D01',
      type: 'COMPLAINT',
      categoryHint: undefined,
      accusedUnit: undefined,
    })
    expect(buildPreviewRequest({ ...matter, content: '' })?.content).toBe('营业执照变更。营业执照变更')
    expect(buildPreviewRequest({ ...matter, title: '' })?.content).toBe('窗口多次要求补材料')
  })

  it('asks nothing without a district or with too little text', () => {
    expect(buildPreviewRequest({ ...matter, district: '' })).toBeNull()
    expect(buildPreviewRequest({ ...matter, title: '执照', content: '' })).toBeNull()
  })

  it('passes the hint and the accused unit, and keys requests by their content', () => {
    const r = buildPreviewRequest({ ...matter, categoryHint: 'BUSINESS_REGISTRATION', accusedUnit: 'SCJG' })
    expect(r).toMatchObject({ categoryHint: 'BUSINESS_REGISTRATION', accusedUnit: 'SCJG' })
    expect(previewKey(r)).not.toBe(previewKey(buildPreviewRequest(matter)))
    expect(previewKey(buildPreviewRequest(matter))).toBe(previewKey(buildPreviewRequest({ ...matter, urgent: true })))
    expect(previewKey(null)).toBe('')
  })

  it('cuts the text at 5000 characters', () => {
    expect(buildPreviewRequest({ ...matter, content: '长'.repeat(6000) })?.content).toHaveLength(5000)
  })
})

describe('buildLetterRequest and buildReferralRequest', () => {
  it('sends the sender with address, without the fields of other kinds', () => {
    const d = emptyLetterDraft()
    Object.assign(d, { letterReference: ' XF-2026-0001 ', postmarkDate: '2026-12-05', type: 'REPORT', district: 'D02' })
    Object.assign(d, { title: '标题', content: '内容' })
    Object.assign(d.sender, { kind: 'PERSON', name: '王五', address: '某路 1 号', creditCode: 'ignored', confidential: true })
    const r = buildLetterRequest(d)
    expect(r.letterReference).toBe('XF-2026-0001')
    expect(r.sender).toEqual({ kind: 'PERSON', name: '王五', address: '某路 1 号', mobile: undefined, email: undefined, idNumber: undefined })
    expect(r.confidential).toBe(true)
    expect(r.anonymous).toBe(false)
  })

  it('sends an anonymous letter without a name', () => {
    const d = emptyLetterDraft()
    Object.assign(d.sender, { kind: 'ANONYMOUS', name: '不该发送', mobile: '13800138000' })
    const r = buildLetterRequest(d)
    expect(r.sender).toEqual({ kind: 'ANONYMOUS', mobile: '13800138000', address: undefined })
    expect(r.anonymous).toBe(true)
  })

  it('sends the referring body and no complainant for an anonymous referral without a mobile', () => {
    const d = emptyReferralDraft(NOW)
    Object.assign(d, { referralReference: 'XFJ-1', bodyKind: 'DEPUTY', bodyName: ' 赵六 ' })
    d.complainant.kind = 'ANONYMOUS'
    const r = buildReferralRequest(d)
    expect(r.referringBody).toEqual({ kind: 'DEPUTY', name: '赵六' })
    expect(r.referredAt).toBe('2026-12-07T09:30:05+08:00')
    expect(r.complainant).toBeUndefined()
    expect(r.anonymous).toBe(true)
  })

  it('sends a named referral complainant without an address', () => {
    const d = emptyReferralDraft(NOW)
    Object.assign(d.complainant, { kind: 'ENTERPRISE', name: '某公司', mobile: '13800138000', creditCode: 'abc', address: 'x' })
    expect(buildReferralRequest(d).complainant).toEqual({
      kind: 'ENTERPRISE',
      name: '某公司',
      mobile: '13800138000',
      creditCode: 'ABC',
      contactPerson: undefined,
    })
  })
})

describe('field errors beside the fields', () => {
  it('maps the hotline service names to the form', () => {
    const { byField, others } = mapFieldErrors(
      { summary: '请填写摘要', callerName: '太长', callerPhone: '号码不对', complainantKind: '?', 'x.y': '其他' },
      HOTLINE_ALIASES,
      (f) => HOTLINE_FIELDS.has(f),
    )
    expect(byField).toEqual({ title: '请填写摘要', 'party.name': '太长', callerPhone: '号码不对', 'party.kind': '?' })
    expect(others).toEqual(['其他'])
  })

  it('maps the validators of letters and referrals to their items', () => {
    expect(
      mapFieldErrors({ 'sender.namedUnlessAnonymous': '请填写姓名', postmarkDate: '晚于今天' }, LETTER_ALIASES, (f) =>
        LETTER_FIELDS.has(f),
      ).byField,
    ).toEqual({ 'sender.name': '请填写姓名', postmarkDate: '晚于今天' })
    expect(
      mapFieldErrors(
        { 'referringBody.name': '必填', complainantGivenUnlessAnonymous: '需要诉求人', 'complainant.reachableUnlessAnonymous': '需要手机' },
        REFERRAL_ALIASES,
        (f) => REFERRAL_FIELDS.has(f),
      ).byField,
    ).toEqual({ bodyName: '必填', 'complainant.kind': '需要诉求人', 'complainant.mobile': '需要手机' })
  })
})
