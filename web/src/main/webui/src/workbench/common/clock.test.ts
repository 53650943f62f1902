import { describe, expect, it } from 'vitest'
import type { Clock } from '@/api/handler'
import { describeClock, sortClocks } from './clock'

function clock(overrides: Partial<Clock> = {}): Clock {
  return {
    kind: 'HANDLING',
    deadline: '2026-12-21T23:59:59.999+08:00',
    doneAt: null,
    state: 'OPEN',
    workingDaysLeft: 5,
    overdueWorkingDays: null,
    paused: false,
    ...overrides,
  }
}

describe('describeClock', () => {
  it('counts the working days left of an open clock, in the plain colour', () => {
    expect(describeClock(clock())).toMatchObject({ key: 'left', n: 5, tone: 'open', paused: false })
  })

  it('is orange when the server says the item is due soon', () => {
    expect(describeClock(clock({ workingDaysLeft: 4 }), { dueSoon: true })).toMatchObject({ key: 'left', n: 4, tone: 'dueSoon' })
  })

  it('follows the server flag over its own threshold', () => {
    expect(describeClock(clock({ workingDaysLeft: 2 }), { dueSoon: false }).tone).toBe('open')
    expect(describeClock(clock({ workingDaysLeft: 2 })).tone).toBe('dueSoon')
    expect(describeClock(clock({ workingDaysLeft: 3 })).tone).toBe('open')
  })

  it('says due today when no working day is left', () => {
    expect(describeClock(clock({ workingDaysLeft: 0 }))).toMatchObject({ key: 'dueToday', tone: 'dueSoon' })
  })

  it('is red with the overdue working days once missed', () => {
    expect(describeClock(clock({ state: 'MISSED', workingDaysLeft: null, overdueWorkingDays: 3 }))).toMatchObject({
      key: 'overdue',
      n: 3,
      tone: 'overdue',
    })
  })

  it('says overdue without a number when missed earlier today', () => {
    expect(describeClock(clock({ state: 'MISSED', workingDaysLeft: null, overdueWorkingDays: 0 }))).toMatchObject({
      key: 'overdueNoDays',
      tone: 'overdue',
    })
  })

  it('treats an open clock with overdue days as overdue', () => {
    expect(describeClock(clock({ workingDaysLeft: null, overdueWorkingDays: 2 }))).toMatchObject({ key: 'overdue', n: 2 })
  })

  it('trusts the overdue flag for a calendar-hour clock without working days', () => {
    expect(describeClock(clock({ workingDaysLeft: null }), { overdue: true }).tone).toBe('overdue')
    expect(describeClock(clock({ workingDaysLeft: null })).key).toBe('dueAt')
  })

  it('reports done and done late with the completion time', () => {
    const done = describeClock(clock({ state: 'DONE', doneAt: '2026-12-18T10:00:00+08:00', workingDaysLeft: null }))
    expect(done).toMatchObject({ key: 'done', tone: 'done', at: '2026-12-18T10:00:00+08:00' })
    expect(describeClock(clock({ state: 'DONE_LATE', doneAt: '2026-12-22T10:00:00+08:00' }))).toMatchObject({
      key: 'doneLate',
      tone: 'late',
    })
  })

  it('marks a paused clock and greys it', () => {
    expect(describeClock(clock({ paused: true }))).toMatchObject({ key: 'left', n: 5, tone: 'paused', paused: true })
    // an overdue clock stays red even while paused
    expect(describeClock(clock({ state: 'MISSED', overdueWorkingDays: 1, paused: true })).tone).toBe('overdue')
  })
})

describe('sortClocks', () => {
  it('orders clocks as the closed loop runs', () => {
    const kinds = sortClocks([
      clock({ kind: 'FOLLOW_UP' }),
      clock({ kind: 'SIGN_FOR' }),
      clock({ kind: 'HANDLING' }),
      clock({ kind: 'RETURN' }),
      clock({ kind: 'FIRST_CONTACT' }),
    ]).map((c) => c.kind)
    expect(kinds).toEqual(['SIGN_FOR', 'FIRST_CONTACT', 'RETURN', 'HANDLING', 'FOLLOW_UP'])
  })
})
