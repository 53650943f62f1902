import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, ApiError, configureApi, withQuery } from './client'

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  })
}

function recordingFetch(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = []
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} })
    return response()
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls }
}

function header(init: RequestInit, name: string): string | undefined {
  return (init.headers as Record<string, string>)[name]
}

afterEach(() => configureApi({ token: async () => null, locale: () => 'zh-CN' }))

describe('api client', () => {
  it('sends no Authorization header when nobody is signed in', async () => {
    const { fetch, calls } = recordingFetch(() => respond(200, { ok: true }))
    configureApi({ fetch, token: async () => null })
    await expect(api('/api/intake/reference-data')).resolves.toEqual({ ok: true })
    expect(header(calls[0].init, 'Authorization')).toBeUndefined()
  })

  it('adds the bearer token when signed in', async () => {
    const { fetch, calls } = recordingFetch(() => respond(200, []))
    configureApi({ fetch, token: async () => 'abc.def.ghi' })
    await api('/api/intake/complaints')
    expect(header(calls[0].init, 'Authorization')).toBe('Bearer abc.def.ghi')
  })

  it('leaves the token off a call marked anonymous', async () => {
    const { fetch, calls } = recordingFetch(() => respond(200, {}))
    configureApi({ fetch, token: async () => 'abc.def.ghi' })
    await api('/api/supervision/public/statistics', { anonymous: true })
    expect(header(calls[0].init, 'Authorization')).toBeUndefined()
  })

  it('posts JSON with a content type', async () => {
    const { fetch, calls } = recordingFetch(() => respond(202, { resendAfterSeconds: 60 }))
    configureApi({ fetch })
    await api('/api/notification/verifications', { json: { mobile: '13812341234' } })
    expect(calls[0].init.method).toBe('POST')
    expect(header(calls[0].init, 'Content-Type')).toBe('application/json')
    expect(calls[0].init.body).toBe('{"mobile":"13812341234"}')
  })

  it('sends a Blob as is with its type as the content type', async () => {
    const { fetch, calls } = recordingFetch(() => respond(201, { created: true }))
    configureApi({ fetch })
    const csv = new Blob(['category,name_zh\n'], { type: 'text/csv; charset=UTF-8' })
    await api('/api/routing/matrix', { method: 'POST', blob: csv, query: { note: 'x' } })
    expect(calls[0].url).toBe('/api/routing/matrix?note=x')
    expect(header(calls[0].init, 'Content-Type')?.toLowerCase()).toBe('text/csv; charset=utf-8')
    expect(calls[0].init.body).toBe(csv)
  })

  it('rejects with the parsed problem, field errors and Retry-After', async () => {
    const { fetch } = recordingFetch(() =>
      respond(
        429,
        { type: 'urn:openysb:problem:verification-rate-limited', title: '发送过于频繁', status: 429 },
        { 'Retry-After': '37' },
      ),
    )
    configureApi({ fetch })
    const error = await api<never>('/api/notification/verifications', { json: {} }).catch((e: ApiError) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.problem).toMatchObject({ status: 429, title: '发送过于频繁', retryAfterSeconds: 37 })
  })

  it('reports a network failure as status 0', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof globalThis.fetch
    configureApi({ fetch })
    const error = await api<never>('/api/intake/reference-data').catch((e: ApiError) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.problem.status).toBe(0)
  })

  it('builds query strings without empty values', () => {
    expect(withQuery('/x', { a: 'COMPLAINT', b: false, c: null, d: '' })).toBe('/x?a=COMPLAINT&b=false')
  })
})
