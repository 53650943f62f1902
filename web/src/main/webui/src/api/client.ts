import { toProblem, type Problem } from './problem'

/** A failed call: `problem` holds the parsed RFC 9457 document (status 0 when the network failed). */
export class ApiError extends Error {
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.title ?? `HTTP ${problem.status}`)
    this.name = 'ApiError'
    this.problem = problem
  }
}

export interface ApiSettings {
  /** The current access token (refreshed if about to expire), or null when not signed in. */
  token: () => Promise<string | null>
  /** The user's language, for problem texts and Accept-Language. */
  locale: () => string
  /** Replaceable for tests. */
  fetch: typeof fetch
}

const settings: ApiSettings = {
  token: async () => null,
  locale: () => 'zh-CN',
  fetch: (...args) => globalThis.fetch(...args),
}

export function configureApi(overrides: Partial<ApiSettings>): void {
  Object.assign(settings, overrides)
}

export type Query = Record<string, string | number | boolean | null | undefined>

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Query
  /** Sent as application/json. */
  json?: unknown
  /** Sent as multipart/form-data (the browser sets the boundary). */
  form?: FormData
  /** Sent as is, with the Blob's type as Content-Type (e.g. a CSV file as `text/csv`). */
  blob?: Blob
  signal?: AbortSignal
  /** Do not send the bearer token even when signed in (public endpoints that must not see the user). */
  anonymous?: boolean
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v))
  const qs = params.toString()
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path
}

/**
 * Calls the web module (same origin). Adds `Authorization: Bearer …` only when a user is signed in.
 * Resolves with the parsed JSON body (undefined for an empty body); rejects with ApiError carrying the
 * parsed problem for any non-2xx status, or status 0 when the network failed.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const locale = settings.locale()
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': locale.startsWith('en') ? 'en' : 'zh-CN',
  }
  let body: BodyInit | undefined
  if (options.form) {
    body = options.form
  } else if (options.blob) {
    if (options.blob.type) headers['Content-Type'] = options.blob.type
    body = options.blob
  } else if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.json)
  }
  if (!options.anonymous) {
    const token = await settings.token()
    if (token) headers.Authorization = `Bearer ${token}`
  }
  let response: Response
  try {
    response = await settings.fetch(withQuery(path, options.query), {
      method: options.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(toProblem(0, null, null, locale))
  }
  const text = await response.text()
  let parsed: unknown = undefined
  if (text) {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = text
    }
  }
  if (!response.ok) {
    throw new ApiError(toProblem(response.status, parsed, response.headers.get('Retry-After'), locale))
  }
  return parsed as T
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}
