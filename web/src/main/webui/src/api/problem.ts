/**
 * RFC 9457 problem+json, parsed once for every form. The services (module problem-details) send
 * `{type, title, titleEn, status, detail, instance, errors: [{field, message, messageEn, rejectedValue}]}`
 * plus occasional extensions such as `remainingAttempts`.
 */
export interface Problem {
  status: number
  /** Machine-readable type, e.g. `urn:openysb:problem:case-not-found`; `about:blank` when the server sent none. */
  type: string
  /** Human title in the user's language; null when the response was not a problem document. */
  title: string | null
  detail: string | null
  /** Field path (e.g. `complainant.mobile`, `attachments[0]`) → message in the user's language. */
  fieldErrors: Record<string, string>
  /** Seconds to wait, from a Retry-After header (429, 503); null when absent. */
  retryAfterSeconds: number | null
  /** Other members of the problem document (extensions). */
  extensions: Record<string, unknown>
}

interface RawFieldError {
  field?: unknown
  message?: unknown
  messageEn?: unknown
}

const KNOWN = new Set(['type', 'title', 'titleEn', 'status', 'detail', 'instance', 'errors'])

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/**
 * Builds a Problem from a response body (already parsed JSON, or anything else for a non-problem response).
 * `locale` picks the Chinese (`title`, `message`) or English (`titleEn`, `messageEn`) texts, each falling back
 * to the other.
 */
export function toProblem(
  status: number,
  body: unknown,
  retryAfter: string | null = null,
  locale = 'zh-CN',
  now: number = Date.now(),
): Problem {
  const english = locale.startsWith('en')
  const doc = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  const pick = (zh: unknown, en: unknown) => (english ? (str(en) ?? str(zh)) : (str(zh) ?? str(en)))
  const fieldErrors: Record<string, string> = {}
  if (Array.isArray(doc.errors)) {
    for (const e of doc.errors as RawFieldError[]) {
      const field = str(e?.field)
      const message = pick(e?.message, e?.messageEn)
      if (field && message && !(field in fieldErrors)) fieldErrors[field] = message
    }
  }
  const extensions: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(doc)) if (!KNOWN.has(k)) extensions[k] = v
  return {
    status: typeof doc.status === 'number' ? doc.status : status,
    type: str(doc.type) ?? 'about:blank',
    title: pick(doc.title, doc.titleEn),
    detail: str(doc.detail),
    fieldErrors,
    retryAfterSeconds:
      parseRetryAfter(retryAfter, now) ??
      (typeof doc.retryAfterSeconds === 'number' && doc.retryAfterSeconds >= 0 ? Math.ceil(doc.retryAfterSeconds) : null),
    extensions,
  }
}

/** The last segment of the problem type: `urn:openysb:problem:case-not-found` → `case-not-found`. */
export function problemSlug(problem: Pick<Problem, 'type'>): string {
  const t = problem.type
  const cut = Math.max(t.lastIndexOf(':'), t.lastIndexOf('/'))
  return cut >= 0 ? t.slice(cut + 1) : t
}

/**
 * Retry-After is either a number of seconds or an HTTP date (RFC 9110 §10.2.3). Returns whole seconds from now
 * (never negative), or null when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null
  const v = value.trim()
  if (v === '') return null
  if (/^\d+$/.test(v)) return Number.parseInt(v, 10)
  if (/^[A-Za-z]{3},/.test(v)) {
    const at = Date.parse(v)
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000))
  }
  return null
}

/**
 * Maps server field paths to the form's own item names. `aliases` renames fields (e.g. the validator
 * `complainant.namedUnlessAnonymous` → `complainant.name`); fields without an alias keep their path. Messages for
 * fields that the form does not show (`known` returns false) are returned in `others`, so that they are shown in
 * the form's alert instead of being lost.
 */
export function mapFieldErrors(
  fieldErrors: Record<string, string>,
  aliases: Record<string, string>,
  known: (field: string) => boolean,
): { byField: Record<string, string>; others: string[] } {
  const byField: Record<string, string> = {}
  const others: string[] = []
  for (const [field, message] of Object.entries(fieldErrors)) {
    const target = aliases[field] ?? field
    if (known(target)) {
      byField[target] = byField[target] ? `${byField[target]}；${message}` : message
    } else {
      others.push(message)
    }
  }
  return { byField, others }
}
