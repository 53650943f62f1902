import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, configureApi } from './client'
import { deskIntake, deskRouting, deskSupervision, letterForm, send, transport, type LetterRequest } from './desk'

function recording(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit }[] = []
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} })
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
    })
  }) as unknown as typeof globalThis.fetch
  return { fetch, calls }
}

const original = { ...transport }
afterEach(() => {
  Object.assign(transport, original)
  configureApi({ token: async () => null, locale: () => 'zh-CN', fetch: (...a) => globalThis.fetch(...a) })
})

const letter: LetterRequest = {
  letterReference: 'XF-2026-0001',
  postmarkDate: '2026-12-05',
  sender: { kind: 'PERSON', name: '王五' },
  type: 'COMPLAINT',
  urgent: false,
  title: '标题',
  content: '内容',
  district: 'D01',
  anonymous: false,
  confidential: false,
}

describe('desk transport', () => {
  it('sends a batch chunk as JSON lines with the token and the language, and returns the answer', async () => {
    const { fetch, calls } = recording(200, { rows: 1, created: 1, duplicate: 0, conflict: 0, invalid: 0, results: [] })
    Object.assign(transport, { fetch, token: async () => 'tok', locale: () => 'en' })
    const answer = await deskIntake.importBatch('{"workOrderNumber":"A-1"}\n')
    expect(answer.created).toBe(1)
    expect(calls[0].url).toBe('/api/intake/hotline/work-orders/batch')
    const headers = calls[0].init.headers as Record<string, string>
    expect(headers['Content-Type']).toBe('application/x-ndjson')
    expect(headers.Authorization).toBe('Bearer tok')
    expect(headers['Accept-Language']).toBe('en')
    expect(calls[0].init.body).toBe('{"workOrderNumber":"A-1"}\n')
  })

  it('tells 201 (new) from 200 (entered before)', async () => {
    const receipt = { workOrderNumber: 'A-1', caseNumber: 'TS1', queryCode: '123456', receivedAt: '2026-12-07T09:30:00+08:00', status: 'RECEIVED' }
    Object.assign(transport, { fetch: recording(201, receipt).fetch, token: async () => null })
    expect((await deskIntake.pushWorkOrder({} as never)).status).toBe(201)
    Object.assign(transport, { fetch: recording(200, receipt).fetch })
    const again = await deskIntake.pushWorkOrder({} as never)
    expect(again.status).toBe(200)
    expect(again.data.caseNumber).toBe('TS1')
  })

  it('turns a problem into an ApiError with field errors and Retry-After', async () => {
    const { fetch } = recording(
      429,
      { status: 429, title: '请求过多', errors: [{ field: 'callerPhone', message: '号码不正确' }] },
      { 'Retry-After': '9' },
    )
    Object.assign(transport, { fetch, token: async () => null, locale: () => 'zh-CN' })
    const error = await send('/x', { body: '{}', contentType: 'application/json' }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.problem.status).toBe(429)
    expect(error.problem.retryAfterSeconds).toBe(9)
    expect(error.problem.fieldErrors).toEqual({ callerPhone: '号码不正确' })
  })

  it('reports a network failure as status 0 and lets an abort through', async () => {
    Object.assign(transport, {
      token: async () => null,
      fetch: vi.fn(async () => {
        throw new TypeError('failed')
      }),
    })
    const error = await send('/x', {}).catch((e) => e)
    expect(error.problem.status).toBe(0)
    Object.assign(transport, {
      fetch: vi.fn(async () => {
        throw new DOMException('aborted', 'AbortError')
      }),
    })
    await expect(send('/x', {})).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('letter form', () => {
  it('holds the letter as a text part and the pages, in order, as file parts', async () => {
    const pages = [new File(['%PDF-1'], '第一页.pdf', { type: 'application/pdf' }), new File(['x'], 'p2.png', { type: 'image/png' })]
    const form = letterForm(letter, pages)
    expect(typeof form.get('letter')).toBe('string')
    expect(JSON.parse(form.get('letter') as string)).toMatchObject({ letterReference: 'XF-2026-0001', sender: { name: '王五' } })
    const files = form.getAll('pages') as File[]
    expect(files.map((f) => f.name)).toEqual(['第一页.pdf', 'p2.png'])
  })

  it('is sent as multipart without a Content-Type of its own (the browser adds the boundary)', async () => {
    const { fetch, calls } = recording(201, { caseNumber: 'TS1', attachments: [] })
    Object.assign(transport, { fetch, token: async () => null })
    await deskIntake.enterLetter(letter, [])
    expect((calls[0].init.headers as Record<string, string>)['Content-Type']).toBeUndefined()
    expect(calls[0].init.body).toBeInstanceOf(FormData)
    expect(calls[0].url).toBe('/api/intake/letters')
  })
})

describe('paths', () => {
  it('calls routing, supervision and intake at the web module addresses', async () => {
    const { fetch, calls } = recording(200, {})
    configureApi({ fetch, token: async () => null })
    await deskRouting.claim(' TS 1')
    await deskRouting.history('TS1')
    await deskSupervision.followUpsDue(2, 20)
    await deskSupervision.recordFollowUp('TS1', { rating: 'SATISFIED', solved: true })
    await deskIntake.contact('TS1')
    await deskIntake.repeats('TS1')
    await deskRouting.preview({ content: '内容', district: 'D01' })
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'POST /api/routing/manual-queue/TS%201/claim',
      'GET /api/routing/cases/TS1',
      'GET /api/supervision/work-items/follow-ups-due?page=2&size=20',
      'POST /api/supervision/work-items/TS1/follow-up',
      'GET /api/intake/complaints/TS1/contact',
      'GET /api/intake/complaints/TS1/repeats',
      'POST /api/routing/preview',
    ])
  })
})
