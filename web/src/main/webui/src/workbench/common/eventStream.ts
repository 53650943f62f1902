/**
 * Server-sent events read with fetch, so that the request can carry `Authorization: Bearer …` (EventSource cannot).
 * `SseParser` is the text/event-stream grammar (WHATWG HTML §9.2.6) fed chunk by chunk; `openEventStream` keeps a
 * connection open, reconnecting with backoff, and tells its caller when it (re)connects so that the caller can
 * reload what it may have missed.
 */

export interface SseEvent {
  /** `message` unless the server named it with `event:`. */
  type: string
  data: string
  /** The last event id seen on the stream (empty when none). */
  lastEventId: string
}

export class SseParser {
  private buffer = ''
  private data: string[] = []
  private eventType = ''
  private lastEventId = ''
  private started = false
  /** The last `retry:` the server asked for, in milliseconds. */
  retry: number | null = null

  /** Feeds one decoded chunk; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    let text = this.buffer + chunk
    if (!this.started && text.length > 0) {
      this.started = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    const events: SseEvent[] = []
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const c = text[i]
      if (c !== '\n' && c !== '\r') continue
      // a CR at the very end may be the first half of CRLF: wait for the next chunk
      if (c === '\r' && i === text.length - 1) break
      this.line(text.slice(start, i), events)
      if (c === '\r' && text[i + 1] === '\n') i++
      start = i + 1
    }
    this.buffer = text.slice(start)
    return events
  }

  /** The stream ended: an event without its closing blank line is dropped, as the standard says. */
  end(): SseEvent[] {
    const events: SseEvent[] = []
    if (this.buffer.endsWith('\r')) this.line(this.buffer.slice(0, -1), events)
    this.buffer = ''
    this.data = []
    this.eventType = ''
    return events
  }

  private line(line: string, events: SseEvent[]) {
    if (line === '') {
      if (this.data.length > 0) {
        events.push({ type: this.eventType || 'message', data: this.data.join('\n'), lastEventId: this.lastEventId })
      }
      this.data = []
      this.eventType = ''
      return
    }
    if (line.startsWith(':')) return // comment (keep-alive)
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    switch (field) {
      case 'data':
        this.data.push(value)
        break
      case 'event':
        this.eventType = value
        break
      case 'id':
        if (!value.includes('\u0000')) this.lastEventId = value
        break
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number.parseInt(value, 10)
        break
      default:
        break
    }
  }
}

/** Splits a sequence of chunks into events (the whole stream at once; for tests and small bodies). */
export function parseEventStream(chunks: Iterable<string>): SseEvent[] {
  const parser = new SseParser()
  const out: SseEvent[] = []
  for (const c of chunks) out.push(...parser.push(c))
  out.push(...parser.end())
  return out
}

export interface BackoffOptions {
  initialMs?: number
  maxMs?: number
  /** 0..1: the share of the delay that is random (so that many tabs do not reconnect at the same moment). */
  jitter?: number
}

/** Delay before reconnect attempt `attempt` (0-based): doubling from `initialMs` up to `maxMs`, with jitter. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const initial = options.initialMs ?? 1000
  const max = options.maxMs ?? 30_000
  const jitter = options.jitter ?? 0.3
  const base = Math.min(max, initial * 2 ** Math.max(0, Math.min(attempt, 20)))
  return Math.round(base * (1 - jitter) + base * jitter * random())
}

export type StreamStatus = 'connecting' | 'open' | 'waiting' | 'stopped'

export interface EventStreamOptions {
  url: string
  /** The current access token (null: not signed in, the stream stops). */
  token: () => Promise<string | null>
  onEvent: (event: SseEvent) => void
  /** Called each time the connection opens (also after a reconnect): reload what may have been missed. */
  onOpen?: () => void
  onStatus?: (status: StreamStatus) => void
  headers?: () => Record<string, string>
  fetch?: typeof fetch
  backoff?: BackoffOptions
  /** A connection that stayed open this long resets the backoff (idle timeouts of proxies close healthy streams). */
  healthyAfterMs?: number
  /** Replaceable for tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

export interface EventStreamHandle {
  close(): void
  /** Resolves when the loop has ended (after close() or a final refusal such as 403). */
  done: Promise<void>
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done)
  })
}

/** Statuses after which trying again cannot help (the user lacks the role, the path is gone). */
const FINAL = new Set([400, 403, 404, 405, 410])

/**
 * Keeps a text/event-stream open with fetch: `Authorization` from `token()` (fresh on every connect),
 * `Last-Event-ID` when the server gave ids, reconnecting after errors and ends with exponential backoff (the server's
 * `retry:` as the first delay when it sent one).
 */
export function openEventStream(options: EventStreamOptions): EventStreamHandle {
  const controller = new AbortController()
  const signal = controller.signal
  const doFetch = options.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a))
  const sleep = options.sleep ?? defaultSleep
  const healthyAfter = options.healthyAfterMs ?? 20_000
  const status = (s: StreamStatus) => options.onStatus?.(s)
  let lastEventId = ''
  let serverRetry: number | null = null

  function deliver(e: SseEvent) {
    try {
      options.onEvent(e)
    } catch (error) {
      // a listener's mistake must not close the stream
      console.error(error)
    }
  }

  async function run() {
    let attempt = 0
    while (!signal.aborted) {
      status('connecting')
      const opened = Date.now()
      let final = false
      try {
        const token = await options.token()
        if (!token) {
          final = true
          break
        }
        const headers: Record<string, string> = {
          Accept: 'text/event-stream',
          'Cache-Control': 'no-cache',
          ...(options.headers?.() ?? {}),
          Authorization: `Bearer ${token}`,
        }
        if (lastEventId) headers['Last-Event-ID'] = lastEventId
        const response = await doFetch(options.url, { headers, signal, credentials: 'same-origin', cache: 'no-store' })
        if (!response.ok || !response.body) {
          if (FINAL.has(response.status)) final = true
          await response.body?.cancel().catch(() => undefined)
        } else {
          status('open')
          options.onOpen?.()
          const parser = new SseParser()
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
          for (;;) {
            const { value, done } = await reader.read()
            if (done) break
            for (const e of parser.push(value)) {
              if (e.lastEventId) lastEventId = e.lastEventId
              deliver(e)
            }
            if (parser.retry !== null) serverRetry = parser.retry
          }
          for (const e of parser.end()) deliver(e)
        }
      } catch {
        // network error or abort: fall through to the wait
      }
      if (signal.aborted || final) break
      if (Date.now() - opened >= healthyAfter) attempt = 0
      const delay =
        attempt === 0 && serverRetry !== null ? serverRetry : backoffDelay(attempt, options.backoff)
      attempt++
      status('waiting')
      await sleep(delay, signal)
    }
    status('stopped')
  }

  const done = run()
  return { close: () => controller.abort(), done }
}
