/**
 * Requests of which only the latest counts (a search, a case's repeats, a routing suggestion): starting one aborts
 * the one before, so an older answer never overwrites a newer one.
 */
export function latestRequest() {
  let controller: AbortController | null = null
  return {
    /** Aborts the request before; the signal of the new one. */
    start(): AbortSignal {
      controller?.abort()
      controller = new AbortController()
      return controller.signal
    },
    /** No request was started after the one with this signal. */
    isLatest(signal: AbortSignal): boolean {
      return controller?.signal === signal
    },
    abort() {
      controller?.abort()
    },
  }
}
