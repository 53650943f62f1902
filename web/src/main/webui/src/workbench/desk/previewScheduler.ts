/**
 * Asks for something (the routing preview) a while after the input stops changing, and only for the latest input:
 * every change restarts the wait, a request still running for older input is aborted, and an answer for older input
 * is never delivered. Input that maps to the key of the last answer asks nothing again.
 */

export interface SchedulerTimers {
  set: (fn: () => void, ms: number) => unknown
  clear: (handle: unknown) => void
}

export interface PreviewSchedulerOptions<I, O> {
  /** Quiet time after the last change before asking. */
  delay: number
  /** Same key → same answer; the empty key means "nothing to ask" (clears the answer). */
  key: (input: I) => string
  run: (input: I, signal: AbortSignal) => Promise<O>
  /** Waiting for the quiet time or for the answer. */
  onPending?: (pending: boolean) => void
  onResult: (output: O | null, input: I | null) => void
  onError: (error: unknown, input: I) => void
  timers?: SchedulerTimers
}

export interface PreviewScheduler<I> {
  /** The input changed. */
  update: (input: I) => void
  /** Ask again now for the current input (after an error, say). */
  refresh: () => void
  /** Stop waiting and abort what runs (page left). */
  cancel: () => void
}

const defaultTimers: SchedulerTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException ? e.name === 'AbortError' : (e as { name?: string } | null)?.name === 'AbortError'
}

export function createPreviewScheduler<I, O>(options: PreviewSchedulerOptions<I, O>): PreviewScheduler<I> {
  const timers = options.timers ?? defaultTimers
  let timer: unknown = null
  let controller: AbortController | null = null
  let latest: I | null = null
  let latestKey = ''
  /** Key of the answer shown (or being asked for). */
  let askedKey = ''
  let generation = 0

  const stopTimer = () => {
    if (timer !== null) timers.clear(timer)
    timer = null
  }
  const abort = () => {
    controller?.abort()
    controller = null
  }

  async function ask(input: I, key: string) {
    abort()
    const mine = ++generation
    const c = new AbortController()
    controller = c
    askedKey = key
    try {
      const output = await options.run(input, c.signal)
      if (mine !== generation || c.signal.aborted) return
      controller = null
      options.onPending?.(false)
      options.onResult(output, input)
    } catch (e) {
      if (mine !== generation || c.signal.aborted || isAbort(e)) return
      controller = null
      askedKey = ''
      options.onPending?.(false)
      options.onError(e, input)
    }
  }

  function schedule(input: I, key: string, delay: number) {
    stopTimer()
    options.onPending?.(true)
    timer = timers.set(() => {
      timer = null
      void ask(input, key)
    }, delay)
  }

  return {
    update(input: I) {
      latest = input
      latestKey = options.key(input)
      if (latestKey === '') {
        stopTimer()
        abort()
        generation++
        askedKey = ''
        options.onPending?.(false)
        options.onResult(null, null)
        return
      }
      // unchanged since the last question (another field changed): its answer, or its request, still stands
      if (latestKey === askedKey) return
      // something newer is coming: the running request is for old input
      abort()
      generation++
      askedKey = ''
      schedule(input, latestKey, options.delay)
    },
    refresh() {
      if (latest === null || latestKey === '') return
      askedKey = ''
      schedule(latest, latestKey, 0)
    },
    cancel() {
      stopTimer()
      abort()
      generation++
    },
  }
}
