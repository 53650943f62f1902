import type { BulkSignResult, QueueTab } from '@/api/handler'

/** Only cases waiting for sign-for can be signed together. */
export function selectableOnTab(tab: QueueTab): boolean {
  return tab === 'TO_SIGN'
}

/** How a bulk sign-for went: counts for the dialog's summary line. */
export function bulkSummary(results: readonly BulkSignResult[]): { total: number; ok: number; failed: number } {
  const ok = results.filter((r) => r.ok).length
  return { total: results.length, ok, failed: results.length - ok }
}

/** The reason a case could not be signed, from its problem (title and detail), or null when there is none. */
export function failureText(result: BulkSignResult, english = false): string | null {
  if (result.ok || !result.problem) return null
  const title = english ? (result.problem.titleEn ?? result.problem.title) : result.problem.title
  const parts = [title, result.problem.detail].filter((s): s is string => !!s && s.trim() !== '')
  return parts.length ? parts.join(english ? ': ' : '：') : null
}

/** Splits a selection into requests the server accepts (at most `max` case numbers each). */
export function chunk<T>(list: readonly T[], max: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += max) out.push(list.slice(i, i + max))
  return out
}
