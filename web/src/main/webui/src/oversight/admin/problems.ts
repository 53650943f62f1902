import { isApiError } from '@/api/client'
import type { Problem } from '@/api/problem'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** One sentence for a failed call of an admin page: the service's own title when it has one. */
export function explainProblem(problem: Problem, t: Translate): string {
  switch (problem.status) {
    case 0:
      return t('adm.problems.network')
    case 401:
      return t('adm.problems.signedOut')
    case 403:
      return t('adm.problems.forbidden')
    case 502:
    case 503:
    case 504:
      return problem.title ?? t('adm.problems.unavailable')
    default:
      return problem.title ?? t('adm.problems.generic', { status: problem.status })
  }
}

/** The problem of a failed call, or rethrows what is not an API error. */
export function problemOf(e: unknown): Problem {
  if (isApiError(e)) return e.problem
  throw e
}

/** The field messages of a problem, each once (the title alone when it has none). */
export function messagesOf(problem: Problem, t: Translate): string[] {
  const fields = Object.values(problem.fieldErrors)
  return fields.length > 0 ? fields : [explainProblem(problem, t)]
}
