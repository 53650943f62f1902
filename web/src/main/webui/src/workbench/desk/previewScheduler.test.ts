import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPreviewScheduler } from './previewScheduler'

interface Call {
  input: string
  signal: AbortSignal
  resolve: (v: string) => void
  reject: (e: unknown) => void
}

function setup(delay = 600) {
  const calls: Call[] = []
  const results: (string | null)[] = []
  const errors: unknown[] = []
  const pending: boolean[] = []
  const scheduler = createPreviewScheduler<string, string>({
    delay,
    key: (s) => s.trim(),
    run: (input, signal) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ input, signal, resolve, reject })
      }),
    onResult: (o) => results.push(o),
    onError: (e) => errors.push(e),
    onPending: (p) => pending.push(p),
  })
  return { scheduler, calls, results, errors, pending }
}

const flush = () => Promise.resolve().then(() => Promise.resolve())

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('preview scheduler', () => {
  it('asks once, 600 ms after the last change', async () => {
    const { scheduler, calls } = setup()
    scheduler.update('营')
    vi.advanceTimersByTime(300)
    scheduler.update('营业')
    vi.advanceTimersByTime(300)
    scheduler.update('营业执照')
    vi.advanceTimersByTime(599)
    expect(calls).toHaveLength(0)
    vi.advanceTimersByTime(1)
    expect(calls.map((c) => c.input)).toEqual(['营业执照'])
  })

  it('aborts the running request when the input changes, and never shows its answer', async () => {
    const { scheduler, calls, results } = setup()
    scheduler.update('a text')
    vi.advanceTimersByTime(600)
    expect(calls).toHaveLength(1)
    scheduler.update('another text')
    expect(calls[0].signal.aborted).toBe(true)
    calls[0].resolve('old answer')
    await flush()
    expect(results).toEqual([])
    vi.advanceTimersByTime(600)
    calls[1].resolve('new answer')
    await flush()
    expect(results).toEqual(['new answer'])
  })

  it('does not ask again when the key is unchanged', async () => {
    const { scheduler, calls, results } = setup()
    scheduler.update('text')
    vi.advanceTimersByTime(600)
    calls[0].resolve('answer')
    await flush()
    scheduler.update('text ')
    vi.advanceTimersByTime(600)
    expect(calls).toHaveLength(1)
    expect(results).toEqual(['answer'])
  })

  it('clears the answer at once when there is nothing to ask', async () => {
    const { scheduler, calls, results } = setup()
    scheduler.update('text')
    vi.advanceTimersByTime(600)
    scheduler.update('   ')
    expect(calls[0].signal.aborted).toBe(true)
    expect(results).toEqual([null])
    vi.advanceTimersByTime(600)
    expect(calls).toHaveLength(1)
  })

  it('reports errors of the latest request only, and ignores aborts', async () => {
    const { scheduler, calls, errors } = setup()
    scheduler.update('one')
    vi.advanceTimersByTime(600)
    scheduler.update('two')
    calls[0].reject(new DOMException('aborted', 'AbortError'))
    vi.advanceTimersByTime(600)
    calls[1].reject(new Error('503'))
    await flush()
    expect(errors).toHaveLength(1)
    expect((errors[0] as Error).message).toBe('503')
  })

  it('asks again for the same input on refresh, at once', async () => {
    const { scheduler, calls, results } = setup()
    scheduler.update('text')
    vi.advanceTimersByTime(600)
    calls[0].reject(new Error('down'))
    await flush()
    scheduler.refresh()
    vi.advanceTimersByTime(0)
    expect(calls).toHaveLength(2)
    calls[1].resolve('back')
    await flush()
    expect(results).toEqual(['back'])
  })

  it('says when it is waiting and when it is done', async () => {
    const { scheduler, calls, pending } = setup()
    scheduler.update('text')
    expect(pending).toEqual([true])
    vi.advanceTimersByTime(600)
    calls[0].resolve('x')
    await flush()
    expect(pending).toEqual([true, false])
  })

  it('stops everything on cancel', async () => {
    const { scheduler, calls, results } = setup()
    scheduler.update('text')
    vi.advanceTimersByTime(600)
    scheduler.cancel()
    expect(calls[0].signal.aborted).toBe(true)
    scheduler.update('later')
    scheduler.cancel()
    vi.advanceTimersByTime(600)
    expect(calls).toHaveLength(1)
    expect(results).toEqual([])
  })
})
