import { describe, expect, it } from 'vitest'
import { escalationName, levelTagType, reasonProblem, sortEscalations, workingDaysText } from './workQueues'

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}${JSON.stringify(params)}` : key)

describe('work queue texts', () => {
  it('says how many working days are left, or how late', () => {
    expect(workingDaysText(3, t)).toBe('sup.queues.daysLeft{"n":3}')
    expect(workingDaysText(0, t)).toBe('sup.queues.dueToday')
    expect(workingDaysText(-2, t)).toBe('sup.queues.overdueDays{"n":2}')
  })

  it('names reminders by the share of the limit and the clock, notices and orders by their kind', () => {
    expect(escalationName({ level: 'R75', clock: 'HANDLING' }, t)).toBe('sup.overdue.reminder{"percent":"75"}')
    expect(escalationName({ level: 'R50', clock: 'SIGN_FOR' }, t)).toBe('sup.overdue.reminderSignFor{"percent":"50"}')
    expect(escalationName({ level: 'NOTICE', clock: 'HANDLING' }, t)).toBe('sup.overdue.notice')
    expect(escalationName({ level: 'ORDER', clock: 'HANDLING' }, t)).toBe('sup.overdue.order')
    expect(levelTagType('ORDER')).toBe('danger')
    expect(levelTagType('NONE')).toBe('info')
  })

  it('needs a reason to reject, within the limit', () => {
    expect(reasonProblem(true, '  ', t)).toBe('sup.queues.reasonRequired')
    expect(reasonProblem(false, '', t)).toBe('')
    expect(reasonProblem(true, '期限内可办结', t)).toBe('')
    expect(reasonProblem(false, 'x'.repeat(1001), t)).toBe('sup.queues.reasonTooLong{"max":1000}')
  })

  it('lists orders and notices before reminders', () => {
    const e = (level: string, issuedAt: string) => ({ clock: 'HANDLING', level, deadline: '', issuedAt, number: null })
    const sorted = sortEscalations([
      e('R50', '2026-11-01T10:00:00+08:00'),
      e('NOTICE', '2026-11-05T10:00:00+08:00'),
      e('ORDER', '2026-11-12T10:00:00+08:00'),
      e('R75', '2026-11-03T10:00:00+08:00'),
    ])
    expect(sorted.map((x) => x.level)).toEqual(['ORDER', 'NOTICE', 'R50', 'R75'])
  })
})
