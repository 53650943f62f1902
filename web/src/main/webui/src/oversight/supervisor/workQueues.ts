import type { Escalation, EscalationLevel } from '@/api/oversightDesk'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** Longest reason a decision or a reopening accepts (the service's @Size). */
export const REASON_MAX = 1000

/**
 * "剩 3 个工作日" / "今日到期" / "已超期 2 个工作日": the server's working-day count before (positive) or after
 * (negative) a deadline, never recomputed here.
 */
export function workingDaysText(left: number, t: Translate): string {
  if (left > 0) return t('sup.queues.daysLeft', { n: left })
  if (left === 0) return t('sup.queues.dueToday')
  return t('sup.queues.overdueDays', { n: -left })
}

/** What was issued: a reminder at a share of the limit (R50 → "催办提醒（已用时 50%）"), a notice or an order. */
export function escalationName(e: Pick<Escalation, 'level' | 'clock'>, t: Translate): string {
  const reminder = /^R(\d+)$/.exec(e.level)
  if (reminder) {
    return t(e.clock === 'SIGN_FOR' ? 'sup.overdue.reminderSignFor' : 'sup.overdue.reminder', { percent: reminder[1] })
  }
  if (e.level === 'NOTICE') return t('sup.overdue.notice')
  if (e.level === 'ORDER') return t('sup.overdue.order')
  return e.level
}

/** Element Plus tag type of an escalation level: the further it went, the stronger the colour. */
export function levelTagType(level: EscalationLevel): 'info' | 'warning' | 'danger' | 'primary' {
  switch (level) {
    case 'ORDER':
      return 'danger'
    case 'NOTICE':
      return 'warning'
    case 'REMINDER':
      return 'primary'
    default:
      return 'info'
  }
}

/**
 * Why a decision cannot be sent yet, or '' when it can: a rejection (and a reopening) needs a reason, every reason
 * fits the service's limit.
 */
export function reasonProblem(needed: boolean, reason: string, t: Translate): string {
  const text = reason.trim()
  if (needed && !text) return t('sup.queues.reasonRequired')
  if (text.length > REASON_MAX) return t('sup.queues.reasonTooLong', { max: REASON_MAX })
  return ''
}

/** The escalations a supervisor cares about first: notices and orders, then reminders, each in the order issued. */
export function sortEscalations(list: Escalation[]): Escalation[] {
  const weight = (e: Escalation) => (e.level === 'ORDER' ? 0 : e.level === 'NOTICE' ? 1 : 2)
  return [...list].sort((a, b) => weight(a) - weight(b) || Date.parse(a.issuedAt) - Date.parse(b.issuedAt))
}
