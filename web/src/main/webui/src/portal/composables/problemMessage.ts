import { i18n } from '@/i18n'
import type { Problem } from '@/api/problem'

/** One sentence for a problem that the page has no more specific explanation for. */
export function problemMessage(problem: Problem): string {
  const { t } = i18n.global
  if (problem.status === 0) return t('errors.network')
  if (problem.status === 429) {
    return problem.retryAfterSeconds !== null
      ? t('errors.tooMany', { wait: waitText(problem.retryAfterSeconds) })
      : t('errors.tooManyNoWait')
  }
  return problem.title ?? t('errors.generic', { status: problem.status })
}

/** A wait as people read it: "42 秒" under two minutes, otherwise whole minutes rounded up ("5 分钟"). */
export function waitText(seconds: number): string {
  const { t } = i18n.global
  return seconds < 120 ? t('common.seconds', { n: seconds }) : t('common.minutes', { n: Math.ceil(seconds / 60) })
}
