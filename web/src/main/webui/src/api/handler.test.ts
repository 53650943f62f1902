import { afterEach, describe, expect, it, vi } from 'vitest'
import { configureApi } from './client'
import { handlerApi } from './handler'

function recording(body: unknown = {}, status = 200) {
  const calls: { url: string; init: RequestInit }[] = []
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} })
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  })
  configureApi({ fetch: fetch as unknown as typeof globalThis.fetch, token: async () => 'tok' })
  return calls
}

afterEach(() => configureApi({ token: async () => null }))

describe('handler API', () => {
  it('asks the queue with only the set parameters', async () => {
    const calls = recording({ items: [], page: 0, size: 20, total: 0, counts: {} })
    await handlerApi.queue({ tab: 'OVERDUE', role: 'LEAD', urgent: true, page: 0, size: 20, sort: 'deadline' })
    expect(calls[0].url).toBe('/api/supervision/work-items/queue?tab=OVERDUE&urgent=true&role=LEAD&size=20')
    expect(calls[0].init.method).toBe('GET')
  })

  it('posts bulk sign-for and each action to its path, the case number encoded', async () => {
    const calls = recording({ results: [] })
    await handlerApi.signMany(['TS202612210001', 'TS202612210002'])
    await handlerApi.sign('TS/1')
    await handlerApi.firstContact('TS1', { method: 'PHONE' })
    await handlerApi.returnCase('TS1', { reason: 'r', basis: 'b' })
    await handlerApi.extension('TS1', { workingDays: 3, reason: 'r', legalBasis: 'l' })
    await handlerApi.coUnitPart('TS1', { text: 't' })
    await handlerApi.reply('TS1', { resultCode: 'RESOLVED', text: 't' })
    await handlerApi.suspension('TS1', { reason: 'r', basis: 'b', workingDays: 10 })
    await handlerApi.resume('TS1', { note: 'n' })
    await handlerApi.addNote('TS1', '备注')
    const seen = calls.map((c) => [c.init.method, c.url, c.init.body ?? null])
    expect(seen).toEqual([
      ['POST', '/api/supervision/work-items/sign', '{"caseNumbers":["TS202612210001","TS202612210002"]}'],
      ['POST', '/api/supervision/work-items/TS%2F1/sign', null],
      ['POST', '/api/supervision/work-items/TS1/first-contact', '{"method":"PHONE"}'],
      ['POST', '/api/supervision/work-items/TS1/return', '{"reason":"r","basis":"b"}'],
      ['POST', '/api/supervision/work-items/TS1/extension', '{"workingDays":3,"reason":"r","legalBasis":"l"}'],
      ['POST', '/api/supervision/work-items/TS1/co-unit-part', '{"text":"t"}'],
      ['POST', '/api/supervision/work-items/TS1/reply', '{"resultCode":"RESOLVED","text":"t"}'],
      ['POST', '/api/supervision/work-items/TS1/suspension', '{"reason":"r","basis":"b","workingDays":10}'],
      ['POST', '/api/supervision/work-items/TS1/suspension/resume', '{"note":"n"}'],
      ['POST', '/api/supervision/work-items/TS1/notes', '{"text":"备注"}'],
    ])
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok')
  })

  it('reads the case file, notes, templates, routing, matrix and inbox', async () => {
    const calls = recording([])
    await handlerApi.file('TS1')
    await handlerApi.notes('TS1')
    await handlerApi.replyTemplates('TAX_RELIEF')
    await handlerApi.routing('TS1')
    await handlerApi.matrix()
    await handlerApi.inbox()
    await handlerApi.markRead(9)
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/supervision/work-items/TS1/file',
      'GET /api/supervision/work-items/TS1/notes',
      'GET /api/supervision/reply-templates?category=TAX_RELIEF',
      'GET /api/routing/cases/TS1',
      'GET /api/routing/matrix',
      'GET /api/notification/inbox',
      'POST /api/notification/inbox/9/read',
    ])
  })
})
