import { queryFromState, stateFromQuery, VIEW_KEYS, type QueueState } from './queueState'

/**
 * 我的视图: one personal view of the queue (tab, filters, sort, page size) per user name, in localStorage on this
 * device. `isDefault` opens the queue with it when the address names no view of its own.
 */
export interface SavedView {
  /** The view's URL query (queueState's form, without the page). */
  query: Record<string, string>
  isDefault: boolean
  savedAt: string
}

export type ViewStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

const PREFIX = 'openysb.workbench.queueView.'

export function viewKey(username: string): string {
  return PREFIX + username
}

function viewQuery(state: QueueState): Record<string, string> {
  const q = queryFromState(state)
  const out: Record<string, string> = {}
  for (const k of VIEW_KEYS) if (q[k] !== undefined) out[k] = q[k]
  return out
}

/** The user's view, or null when none is saved (or storage is unavailable or holds something unreadable). */
export function loadView(storage: ViewStorage | null, username: string | null): SavedView | null {
  if (!storage || !username) return null
  try {
    const raw = storage.getItem(viewKey(username))
    if (!raw) return null
    const parsed = JSON.parse(raw) as Partial<SavedView>
    if (!parsed || typeof parsed !== 'object' || !parsed.query || typeof parsed.query !== 'object') return null
    // normalise through the URL reader: a view saved by an older page cannot smuggle in unknown values
    return {
      query: viewQuery(stateFromQuery(parsed.query as Record<string, string>)),
      isDefault: parsed.isDefault !== false,
      savedAt: typeof parsed.savedAt === 'string' ? parsed.savedAt : '',
    }
  } catch {
    return null
  }
}

export function saveView(
  storage: ViewStorage | null,
  username: string | null,
  state: QueueState,
  isDefault: boolean,
  now: Date = new Date(),
): SavedView | null {
  if (!storage || !username) return null
  const view: SavedView = { query: viewQuery(state), isDefault, savedAt: now.toISOString() }
  try {
    storage.setItem(viewKey(username), JSON.stringify(view))
    return view
  } catch {
    return null
  }
}

export function removeView(storage: ViewStorage | null, username: string | null): void {
  if (!storage || !username) return
  try {
    storage.removeItem(viewKey(username))
  } catch {
    // nothing to do
  }
}

/** The page state a view opens (page 1). */
export function stateOfView(view: SavedView): QueueState {
  return stateFromQuery(view.query)
}

/** True when the state shows exactly the view (the "apply" button is then pressed). */
export function isViewActive(view: SavedView | null, state: QueueState): boolean {
  if (!view) return false
  const current = viewQuery(state)
  const keys = new Set([...Object.keys(current), ...Object.keys(view.query)])
  for (const k of keys) if ((current[k] ?? '') !== (view.query[k] ?? '')) return false
  return true
}

/** localStorage when the browser has it. */
export function browserStorage(): ViewStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}
