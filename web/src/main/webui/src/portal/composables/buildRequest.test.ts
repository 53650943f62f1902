import { describe, expect, it } from 'vitest'
import { mapFieldErrors } from '@/api/problem'
import { buildRequest, FIELD_ALIASES, isFormField } from './buildRequest'
import type { ComplaintDraft } from './complaintDraft'

function draft(overrides: Partial<ComplaintDraft> = {}): ComplaintDraft {
  return {
    type: 'COMPLAINT',
    urgent: false,
    district: 'D01',
    title: ' 办证难 ',
    content: '多次补材料',
    accusedUnit: '',
    kind: 'PERSON',
    confidential: true,
    complainant: { name: '张三', mobile: '13812341234', email: '', idNumber: '11010519491231002x', creditCode: '91350100M000100Y43', contactPerson: '李四' },
    files: [],
    verification: { token: 'tok', mobile: '13812341234' },
    ...overrides,
  }
}

describe('buildRequest', () => {
  it('sends a person with only the person fields and the verification token for that mobile', () => {
    const r = buildRequest(draft(), true)
    expect(r.title).toBe('办证难')
    expect(r.complainant).toEqual({ kind: 'PERSON', name: '张三', mobile: '13812341234', email: undefined, idNumber: '11010519491231002X' })
    expect(r.mobileVerification).toBe('tok')
    expect(r.anonymous).toBe(false)
    expect(r.confidential).toBe(true)
  })

  it('sends an anonymous complaint with an optional mobile and never confidential', () => {
    const r = buildRequest(draft({ kind: 'ANONYMOUS' }), true)
    expect(r.anonymous).toBe(true)
    expect(r.confidential).toBe(false)
    expect(r.complainant).toEqual({ kind: 'ANONYMOUS', mobile: '13812341234' })
  })

  it('leaves out a token that proves another number, or when the account has verified the number', () => {
    const other = draft({ verification: { token: 'tok', mobile: '13900000000' } })
    expect(buildRequest(other, true).mobileVerification).toBeUndefined()
    expect(buildRequest(draft(), false).mobileVerification).toBeUndefined()
  })

  it('sends an enterprise with its credit code and contact person', () => {
    const r = buildRequest(draft({ kind: 'ENTERPRISE' }), true)
    expect(r.complainant).toEqual({ kind: 'ENTERPRISE', name: '张三', creditCode: '91350100M000100Y43', contactPerson: '李四', mobile: '13812341234' })
  })
})

describe('server field errors on the complaint form', () => {
  it('puts each error next to its field and the rest in the alert', () => {
    const { byField, others } = mapFieldErrors(
      {
        'complainant.mobile': '手机号码格式不正确',
        'complainant.namedUnlessAnonymous': '请填写姓名或企业名称',
        title: '请填写标题',
        'attachments[0]': '不支持的文件类型',
        mobileVerification: '请先完成手机号验证',
        categoryHint: '格式或取值不正确',
      },
      FIELD_ALIASES,
      isFormField,
    )
    expect(byField).toEqual({
      'complainant.mobile': '手机号码格式不正确',
      'complainant.name': '请填写姓名或企业名称',
      title: '请填写标题',
      'attachments[0]': '不支持的文件类型',
      mobileVerification: '请先完成手机号验证',
    })
    expect(others).toEqual(['格式或取值不正确'])
  })
})
