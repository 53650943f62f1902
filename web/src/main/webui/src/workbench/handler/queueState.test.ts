import { describe, expect, it } from 'vitest'
import {
  clearFilters,
  DEFAULT_STATE,
  hasFilters,
  isBlankQuery,
  lastPage,
  queryFromState,
  requestFromState,
  stateFromQuery,
  withChange,
} from './queueState'
import { queueQuery } from '@/api/handler'

describe('queue state in the URL', () => {
  it('opens on 待签收, page 1, deadline order when the URL says nothing', () => {
    expect(stateFromQuery({})).toEqual(DEFAULT_STATE)
  })

  it('reads every filter back from the URL it wrote', () => {
    const state = {
      ...DEFAULT_STATE,
      tab: 'IN_PROGRESS' as const,
      q: 'TS2026',
      type: 'COMPLAINT',
      category: 'TAX_RELIEF',
      channel: 'HOTLINE',
      urgent: 'true' as const,
      role: 'CO' as const,
      from: '2026-12-01',
      to: '2026-12-31',
      sort: '-deadline' as const,
      page: 3,
      size: 50,
    }
    const query = queryFromState(state)
    expect(query).toEqual({
      tab: 'IN_PROGRESS',
      q: 'TS2026',
      type: 'COMPLAINT',
      category: 'TAX_RELIEF',
      channel: 'HOTLINE',
      urgent: 'true',
      role: 'CO',
      from: '2026-12-01',
      to: '2026-12-31',
      sort: '-deadline',
      page: '3',
      size: '50',
    })
    expect(stateFromQuery(query)).toEqual(state)
  })

  it('writes only the tab for the default state', () => {
    expect(queryFromState(DEFAULT_STATE)).toEqual({ tab: 'TO_SIGN' })
  })

  it('ignores unknown or malformed values', () => {
    const s = stateFromQuery({
      tab: 'EVERYTHING',
      type: 'PRAISE',
      channel: 'FAX',
      urgent: 'yes',
      role: 'BOSS',
      from: '2026-02-30',
      to: 'tomorrow',
      sort: 'title',
      page: '-2',
      size: '1000',
      category: '<script>',
    })
    expect(s).toEqual(DEFAULT_STATE)
  })

  it('accepts lower case codes and the first of repeated parameters', () => {
    const s = stateFromQuery({ tab: 'overdue', type: ['help', 'report'], role: 'lead' })
    expect(s.tab).toBe('OVERDUE')
    expect(s.type).toBe('HELP')
    expect(s.role).toBe('LEAD')
  })

  it('swaps a deadline range given the wrong way round', () => {
    const s = stateFromQuery({ from: '2026-12-31', to: '2026-12-01' })
    expect([s.from, s.to]).toEqual(['2026-12-01', '2026-12-31'])
  })

  it('goes back to page 1 when a filter, the tab or the sort changes, not when the page does', () => {
    const on3 = { ...DEFAULT_STATE, page: 3 }
    expect(withChange(on3, { tab: 'CLOSED' }).page).toBe(1)
    expect(withChange(on3, { type: 'HELP' }).page).toBe(1)
    expect(withChange(on3, { page: 4 }).page).toBe(4)
  })

  it('knows a blank URL (where the saved default view applies)', () => {
    expect(isBlankQuery({})).toBe(true)
    expect(isBlankQuery({ tab: 'TO_SIGN' })).toBe(false)
    expect(isBlankQuery({ page: '2' })).toBe(false)
  })

  it('clears filters but keeps the tab, sort and page size', () => {
    const s = { ...DEFAULT_STATE, tab: 'CLOSED' as const, type: 'HELP', q: 'x', sort: '-assigned' as const, size: 50, page: 2 }
    expect(hasFilters(s)).toBe(true)
    const cleared = clearFilters(s)
    expect(hasFilters(cleared)).toBe(false)
    expect(cleared).toMatchObject({ tab: 'CLOSED', sort: '-assigned', size: 50, page: 1 })
  })

  it('finds the last page', () => {
    expect(lastPage(0, 20)).toBe(1)
    expect(lastPage(41, 20)).toBe(3)
  })
})

describe('the server request of a state', () => {
  it('uses the contract names, a 0-based page and leaves out what is not set', () => {
    const s = stateFromQuery({ tab: 'OVERDUE', urgent: 'false', from: '2026-12-01', page: '2', q: ' TS2026 ' })
    const request = requestFromState(s)
    expect(request).toMatchObject({ tab: 'OVERDUE', urgent: false, deadlineFrom: '2026-12-01', page: 1, size: 20, q: 'TS2026' })
    expect(queueQuery(request)).toEqual({
      tab: 'OVERDUE',
      q: 'TS2026',
      type: undefined,
      category: undefined,
      channel: undefined,
      urgent: false,
      role: undefined,
      deadlineFrom: '2026-12-01',
      deadlineTo: undefined,
      sort: undefined,
      page: 1,
      size: 20,
    })
  })

  it('sends a descending sort and drops page 0', () => {
    const q = queueQuery(requestFromState(stateFromQuery({ sort: '-deadline' })))
    expect(q.sort).toBe('-deadline')
    expect(q.page).toBeUndefined()
  })
})
