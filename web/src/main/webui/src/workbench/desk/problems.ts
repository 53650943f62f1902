import { problemSlug, type Problem } from '@/api/problem'

/**
 * One sentence, in the user's language, for a problem a desk page got. `specific` maps a problem slug
 * (`claimed`, `follow-up-expired`) or a status (`404`) to the page's own text key; the rest is explained the same way
 * everywhere: no connection, signed out, not allowed, too many requests (with the wait), the service's own title.
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string

export function waitText(seconds: number, t: Translate): string {
  return seconds < 120 ? t('common.seconds', { n: seconds }) : t('common.minutes', { n: Math.ceil(seconds / 60) })
}

export function explainProblem(problem: Problem, t: Translate, specific: Record<string, string> = {}): string {
  const slug = problemSlug(problem)
  const key = specific[slug] ?? specific[String(problem.status)]
  if (key) return t(key, { title: problem.title ?? '', detail: problem.detail ?? '' })
  switch (problem.status) {
    case 0:
      return t('errors.network')
    case 401:
      return t('desk.problems.signedOut')
    case 403:
      return t('desk.problems.forbidden')
    case 429:
      return problem.retryAfterSeconds !== null
        ? t('errors.tooMany', { wait: waitText(problem.retryAfterSeconds, t) })
        : t('errors.tooManyNoWait')
    case 502:
    case 503:
    case 504:
      return problem.title ?? t('desk.problems.unavailable')
    default:
      return problem.title ?? t('errors.generic', { status: problem.status })
  }
}
