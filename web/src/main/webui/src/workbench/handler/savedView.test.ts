import { describe, expect, it } from 'vitest'
import { DEFAULT_STATE, stateFromQuery } from './queueState'
import { isViewActive, loadView, removeView, saveView, stateOfView, viewKey, type ViewStorage } from './savedView'

function memory(): ViewStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  }
}

describe('我的视图', () => {
  const state = { ...DEFAULT_STATE, tab: 'IN_PROGRESS' as const, type: 'COMPLAINT', urgent: 'true' as const, page: 4 }

  it('is kept per user name, without the page', () => {
    const s = memory()
    const view = saveView(s, 'li.si', state, true, new Date('2026-12-21T01:00:00Z'))
    expect(view).toEqual({
      query: { tab: 'IN_PROGRESS', type: 'COMPLAINT', urgent: 'true' },
      isDefault: true,
      savedAt: '2026-12-21T01:00:00.000Z',
    })
    expect([...s.data.keys()]).toEqual([viewKey('li.si')])
    expect(loadView(s, 'li.si')).toEqual(view)
    expect(loadView(s, 'zhang.san')).toBeNull()
  })

  it('opens the view at page 1', () => {
    const s = memory()
    const view = saveView(s, 'u', state, false)!
    expect(stateOfView(view)).toEqual({ ...state, page: 1 })
  })

  it('is active exactly when the page shows its filters (any page)', () => {
    const s = memory()
    const view = saveView(s, 'u', state, true)
    expect(isViewActive(view, { ...state, page: 2 })).toBe(true)
    expect(isViewActive(view, { ...state, type: 'HELP' })).toBe(false)
    expect(isViewActive(null, state)).toBe(false)
  })

  it('ignores unreadable or tampered storage', () => {
    const s = memory()
    s.setItem(viewKey('u'), '{not json')
    expect(loadView(s, 'u')).toBeNull()
    s.setItem(viewKey('u'), JSON.stringify({ query: { tab: 'HACK', type: 'COMPLAINT', evil: 'x' }, isDefault: true }))
    expect(loadView(s, 'u')?.query).toEqual({ tab: 'TO_SIGN', type: 'COMPLAINT' })
  })

  it('does nothing without a user or storage, and can be removed', () => {
    expect(saveView(null, 'u', state, true)).toBeNull()
    expect(saveView(memory(), null, state, true)).toBeNull()
    const s = memory()
    saveView(s, 'u', state, true)
    removeView(s, 'u')
    expect(loadView(s, 'u')).toBeNull()
  })

  it('survives a full storage', () => {
    const s = memory()
    s.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError')
    }
    expect(saveView(s, 'u', stateFromQuery({}), true)).toBeNull()
  })
})
