import { describe, expect, it, vi } from 'vitest'
import { backoffDelay, openEventStream, parseEventStream, SseParser } from './eventStream'

describe('SseParser', () => {
  it('splits a stream into events at blank lines', () => {
    const events = parseEventStream(['data: {"id":1}\n\ndata: {"id":2}\n\n'])
    expect(events.map((e) => e.data)).toEqual(['{"id":1}', '{"id":2}'])
    expect(events[0].type).toBe('message')
  })

  it('joins an event split across chunks anywhere, also inside CRLF', () => {
    const text = 'event: reminder\r\ndata: 第一行\r\ndata: second\r\nid: 42\r\n\r\n'
    for (let cut = 1; cut < text.length; cut++) {
      const events = parseEventStream([text.slice(0, cut), text.slice(cut)])
      expect(events, `cut at ${cut}`).toEqual([{ type: 'reminder', data: '第一行\nsecond', lastEventId: '42' }])
    }
  })

  it('accepts a lone CR as a line end', () => {
    expect(parseEventStream(['data: a\r\rdata: b\r\r']).map((e) => e.data)).toEqual(['a', 'b'])
  })

  it('skips comments (keep-alives), unknown fields and events without data', () => {
    const events = parseEventStream([': ping\n\nfoo: bar\n\nevent: x\n\ndata\n\n'])
    expect(events).toEqual([{ type: 'message', data: '', lastEventId: '' }])
  })

  it('removes only one space after the colon, and a BOM at the start', () => {
    expect(parseEventStream(['\ufeffdata:  two spaces\n\n'])[0].data).toBe(' two spaces')
    expect(parseEventStream(['data:none\n\n'])[0].data).toBe('none')
  })

  it('keeps the last event id for later events and reads retry', () => {
    const p = new SseParser()
    const first = p.push('id: 5\ndata: a\n\nretry: 3000\ndata: b\n\n')
    expect(first.map((e) => e.lastEventId)).toEqual(['5', '5'])
    expect(p.retry).toBe(3000)
  })

  it('drops an event cut off by the end of the stream', () => {
    expect(parseEventStream(['data: whole\n\n', 'data: cut'])).toHaveLength(1)
  })
})

describe('backoffDelay', () => {
  it('doubles up to the maximum, with jitter below the base', () => {
    const none = () => 0
    const full = () => 1
    expect(backoffDelay(0, { jitter: 0 })).toBe(1000)
    expect(backoffDelay(3, { jitter: 0 })).toBe(8000)
    expect(backoffDelay(10, { jitter: 0 })).toBe(30000)
    expect(backoffDelay(1, { jitter: 0.5 }, none)).toBe(1000)
    expect(backoffDelay(1, { jitter: 0.5 }, full)).toBe(2000)
  })
})

function streamResponse(chunks: string[], status = 200): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const enc = new TextEncoder()
      for (const c of chunks) controller.enqueue(enc.encode(c))
      controller.close()
    },
  })
  return new Response(body, { status, headers: { 'Content-Type': 'text/event-stream' } })
}

describe('openEventStream', () => {
  it('sends the bearer token, delivers events, reconnects with Last-Event-ID and reloads on reopen', async () => {
    const calls: RequestInit[] = []
    const responses = [
      () => streamResponse(['id: 1\ndata: {"id":1}\n\n', 'data: {"id":2}\n\n']),
      () => streamResponse(['data: {"id":3}\n\n']),
    ]
    const received: string[] = []
    const opens = vi.fn()
    const sleeps: number[] = []
    let handle: ReturnType<typeof openEventStream> | null = null
    handle = openEventStream({
      url: '/api/notification/inbox/stream',
      token: async () => 'tok',
      fetch: (async (_url: RequestInfo | URL, init?: RequestInit) => {
        calls.push(init ?? {})
        const next = responses.shift()
        if (!next) {
          handle?.close()
          throw new DOMException('aborted', 'AbortError')
        }
        return next()
      }) as typeof fetch,
      onEvent: (e) => received.push(e.data),
      onOpen: opens,
      sleep: async (ms) => {
        sleeps.push(ms)
      },
      backoff: { jitter: 0 },
    })
    await handle.done
    expect(received).toEqual(['{"id":1}', '{"id":2}', '{"id":3}'])
    expect(opens).toHaveBeenCalledTimes(2)
    const headers = calls.map((c) => c.headers as Record<string, string>)
    expect(headers[0].Authorization).toBe('Bearer tok')
    expect(headers[0].Accept).toBe('text/event-stream')
    expect(headers[0]['Last-Event-ID']).toBeUndefined()
    expect(headers[1]['Last-Event-ID']).toBe('1')
    expect(sleeps.length).toBeGreaterThanOrEqual(2)
  })

  it('backs off further after each failure', async () => {
    const sleeps: number[] = []
    let n = 0
    const handle = openEventStream({
      url: '/s',
      token: async () => 'tok',
      fetch: (async () => {
        n++
        if (n > 4) {
          handle.close()
          throw new DOMException('aborted', 'AbortError')
        }
        return new Response('busy', { status: 503 })
      }) as typeof fetch,
      onEvent: () => undefined,
      sleep: async (ms) => {
        sleeps.push(ms)
      },
      backoff: { jitter: 0, initialMs: 100 },
    })
    await handle.done
    expect(sleeps.slice(0, 4)).toEqual([100, 200, 400, 800])
  })

  it('stops for good on 403 and when nobody is signed in', async () => {
    const fetch403 = vi.fn(async () => new Response('', { status: 403 }))
    const a = openEventStream({ url: '/s', token: async () => 'tok', fetch: fetch403 as unknown as typeof fetch, onEvent: () => undefined })
    await a.done
    expect(fetch403).toHaveBeenCalledTimes(1)

    const never = vi.fn()
    const b = openEventStream({ url: '/s', token: async () => null, fetch: never as unknown as typeof fetch, onEvent: () => undefined })
    await b.done
    expect(never).not.toHaveBeenCalled()
  })

  it('keeps the stream when a listener throws', async () => {
    const got: string[] = []
    let served = false
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const handle = openEventStream({
      url: '/s',
      token: async () => 'tok',
      fetch: (async () => {
        if (served) {
          handle.close()
          throw new DOMException('aborted', 'AbortError')
        }
        served = true
        return streamResponse(['data: a\n\ndata: b\n\n'])
      }) as typeof fetch,
      onEvent: (e) => {
        got.push(e.data)
        if (e.data === 'a') throw new Error('listener bug')
      },
      sleep: async () => undefined,
    })
    await handle.done
    expect(got).toEqual(['a', 'b'])
    errors.mockRestore()
  })
})
