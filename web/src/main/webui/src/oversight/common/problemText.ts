import type { Problem } from '@/api/problem'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** One sentence for a failed read on an analysis page: no connection, or the service's own detail or title. */
export function problemText(problem: Problem, t: Translate, notFoundKey?: string): string {
  if (problem.status === 0) return t('errors.network')
  if (problem.status === 404 && notFoundKey) return t(notFoundKey)
  return problem.detail ?? problem.title ?? t('errors.generic', { status: problem.status })
}
