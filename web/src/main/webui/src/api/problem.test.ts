import { describe, expect, it } from 'vitest'
import { mapFieldErrors, parseRetryAfter, problemSlug, toProblem } from './problem'

const validationProblem = {
  type: 'urn:openysb:problem:validation',
  title: '请求内容不符合要求',
  titleEn: 'The request is not valid',
  status: 400,
  detail: 'complainant.mobile: not a valid mainland mobile number',
  instance: '/api/complaints',
  errors: [
    {
      field: 'complainant.mobile',
      message: '手机号码格式不正确（应为1开头的11位数字）',
      messageEn: 'not a valid mainland mobile number (11 digits starting with 1)',
      rejectedValue: '1234',
    },
    { field: 'title', message: '请填写标题', messageEn: 'title is required' },
    { field: 'attachments[0]', message: '不支持的文件类型', messageEn: 'unsupported file type' },
    { field: 'mobileVerification', message: '请先完成手机号验证', messageEn: 'verify the mobile number first' },
  ],
}

describe('toProblem', () => {
  it('turns the errors array into field → message, in Chinese by default', () => {
    const p = toProblem(400, validationProblem)
    expect(p.status).toBe(400)
    expect(p.type).toBe('urn:openysb:problem:validation')
    expect(p.title).toBe('请求内容不符合要求')
    expect(p.fieldErrors).toEqual({
      'complainant.mobile': '手机号码格式不正确（应为1开头的11位数字）',
      title: '请填写标题',
      'attachments[0]': '不支持的文件类型',
      mobileVerification: '请先完成手机号验证',
    })
    expect(problemSlug(p)).toBe('validation')
  })

  it('uses the English texts when the user reads English', () => {
    const p = toProblem(400, validationProblem, null, 'en')
    expect(p.title).toBe('The request is not valid')
    expect(p.fieldErrors['mobileVerification']).toBe('verify the mobile number first')
  })

  it('keeps extensions such as remainingAttempts', () => {
    const p = toProblem(400, {
      type: 'urn:openysb:problem:verification-code-wrong',
      title: '验证码不正确',
      status: 400,
      remainingAttempts: 3,
    })
    expect(p.extensions.remainingAttempts).toBe(3)
    expect(p.fieldErrors).toEqual({})
  })

  it('survives a response that is not a problem document', () => {
    const p = toProblem(502, '<html>Bad Gateway</html>')
    expect(p).toMatchObject({ status: 502, type: 'about:blank', title: null, detail: null, fieldErrors: {} })
  })

  it('exposes Retry-After for 429', () => {
    const p = toProblem(429, { type: 'urn:openysb:problem:verification-rate-limited', status: 429 }, '42')
    expect(p.retryAfterSeconds).toBe(42)
  })
})

describe('Retry-After fallback', () => {
  it('uses the retryAfterSeconds extension when a proxy dropped the header', () => {
    expect(toProblem(429, { status: 429, retryAfterSeconds: 55 }, null).retryAfterSeconds).toBe(55)
    expect(toProblem(429, { status: 429, retryAfterSeconds: 55 }, '10').retryAfterSeconds).toBe(10)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-07T06:00:00Z')

  it('reads delta seconds', () => {
    expect(parseRetryAfter('60', now)).toBe(60)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
  })

  it('reads an HTTP date as seconds from now, never negative', () => {
    expect(parseRetryAfter('Mon, 07 Dec 2026 06:01:30 GMT', now)).toBe(90)
    expect(parseRetryAfter('Mon, 07 Dec 2026 05:59:00 GMT', now)).toBe(0)
  })

  it('returns null when absent or unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeNull()
    expect(parseRetryAfter('', now)).toBeNull()
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter('-5', now)).toBeNull()
  })
})

describe('mapFieldErrors', () => {
  it('maps validator names to form items and keeps unknown fields for the alert', () => {
    const { byField, others } = mapFieldErrors(
      {
        'complainant.namedUnlessAnonymous': '请填写姓名或企业名称',
        'complainant.mobile': '手机号码格式不正确',
        categoryHint: '格式或取值不正确',
      },
      { 'complainant.namedUnlessAnonymous': 'complainant.name' },
      (f) => f.startsWith('complainant.'),
    )
    expect(byField).toEqual({ 'complainant.name': '请填写姓名或企业名称', 'complainant.mobile': '手机号码格式不正确' })
    expect(others).toEqual(['格式或取值不正确'])
  })
})
