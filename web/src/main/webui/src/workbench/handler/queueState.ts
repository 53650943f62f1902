import {
  CHANNELS,
  COMPLAINT_TYPES,
  QUEUE_TABS,
  type HandlingRole,
  type QueueRequest,
  type QueueSort,
  type QueueTab,
} from '@/api/handler'

/**
 * What the queue page shows, kept in the URL (?tab=&q=&type=…&page=) so that reload, back and a shared link keep it.
 * `page` is 1-based here (as people count), 0-based towards the server.
 */
export interface QueueState {
  tab: QueueTab
  q: string
  type: string
  category: string
  channel: string
  /** '' any, 'true' urgent only, 'false' not urgent. */
  urgent: '' | 'true' | 'false'
  role: '' | HandlingRole
  /** yyyy-MM-dd, inclusive. */
  from: string
  to: string
  sort: QueueSort
  page: number
  size: number
}

export const SORTS: QueueSort[] = ['deadline', '-deadline', 'assigned', '-assigned']
export const PAGE_SIZES = [20, 50, 100]

export const DEFAULT_STATE: Readonly<QueueState> = Object.freeze({
  tab: 'TO_SIGN',
  q: '',
  type: '',
  category: '',
  channel: '',
  urgent: '',
  role: '',
  from: '',
  to: '',
  sort: 'deadline',
  page: 1,
  size: 20,
})

/** The keys a saved view and the filter form cover (everything but the page). */
export const VIEW_KEYS = ['tab', 'q', 'type', 'category', 'channel', 'urgent', 'role', 'from', 'to', 'sort', 'size'] as const

type RawQuery = Record<string, string | null | undefined | (string | null)[]>

function one(query: RawQuery, key: string): string {
  const v = query[key]
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s.trim() : ''
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const CODE = /^[A-Za-z0-9_-]{1,40}$/

function validDate(s: string): string {
  if (!DATE.test(s)) return ''
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : ''
}

/** Reads the page state from the URL; anything unknown or malformed falls back to its default. */
export function stateFromQuery(query: RawQuery): QueueState {
  const tab = one(query, 'tab').toUpperCase()
  const type = one(query, 'type').toUpperCase()
  const channel = one(query, 'channel').toUpperCase()
  const role = one(query, 'role').toUpperCase()
  const urgent = one(query, 'urgent')
  const sort = one(query, 'sort')
  const page = Number.parseInt(one(query, 'page'), 10)
  const size = Number.parseInt(one(query, 'size'), 10)
  const category = one(query, 'category')
  let from = validDate(one(query, 'from'))
  let to = validDate(one(query, 'to'))
  if (from && to && from > to) [from, to] = [to, from]
  return {
    tab: (QUEUE_TABS as readonly string[]).includes(tab) ? (tab as QueueTab) : DEFAULT_STATE.tab,
    q: one(query, 'q').slice(0, 40),
    type: (COMPLAINT_TYPES as readonly string[]).includes(type) ? type : '',
    category: CODE.test(category) ? category : '',
    channel: (CHANNELS as readonly string[]).includes(channel) ? channel : '',
    urgent: urgent === 'true' || urgent === 'false' ? urgent : '',
    role: role === 'LEAD' || role === 'CO' ? role : '',
    from,
    to,
    sort: (SORTS as string[]).includes(sort) ? (sort as QueueSort) : DEFAULT_STATE.sort,
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1,
    size: PAGE_SIZES.includes(size) ? size : DEFAULT_STATE.size,
  }
}

/** The URL query for a state: the tab always, everything else only when it differs from the default. */
export function queryFromState(state: QueueState): Record<string, string> {
  const out: Record<string, string> = { tab: state.tab }
  const put = (key: keyof QueueState, value: string) => {
    if (value !== String(DEFAULT_STATE[key])) out[key] = value
  }
  put('q', state.q.trim())
  put('type', state.type)
  put('category', state.category)
  put('channel', state.channel)
  put('urgent', state.urgent)
  put('role', state.role)
  put('from', state.from)
  put('to', state.to)
  put('sort', state.sort)
  put('page', String(state.page))
  put('size', String(state.size))
  return out
}

/** The server request for a state. */
export function requestFromState(state: QueueState): QueueRequest {
  return {
    tab: state.tab,
    q: state.q.trim() || undefined,
    type: state.type || undefined,
    category: state.category || undefined,
    channel: state.channel || undefined,
    urgent: state.urgent === '' ? undefined : state.urgent === 'true',
    role: state.role || undefined,
    deadlineFrom: state.from || undefined,
    deadlineTo: state.to || undefined,
    sort: state.sort,
    page: state.page - 1,
    size: state.size,
  }
}

/** True when the URL says nothing about the queue (the saved default view may then be applied). */
export function isBlankQuery(query: RawQuery): boolean {
  return VIEW_KEYS.every((k) => one(query, k) === '') && one(query, 'page') === ''
}

/** A change of tab, filter or sort starts again at page 1. */
export function withChange(state: QueueState, change: Partial<QueueState>): QueueState {
  const next = { ...state, ...change }
  if (!('page' in change)) next.page = 1
  return next
}

/** The filters of a state, without the tab and the page (for "clear filters" and "are filters set"). */
export function hasFilters(state: QueueState): boolean {
  return (
    state.q.trim() !== '' ||
    state.type !== '' ||
    state.category !== '' ||
    state.channel !== '' ||
    state.urgent !== '' ||
    state.role !== '' ||
    state.from !== '' ||
    state.to !== ''
  )
}

/** How many filters are set (the search by case number counts as one). */
export function countFilters(state: QueueState): number {
  return [state.q.trim(), state.type, state.category, state.channel, state.urgent, state.role, state.from, state.to].filter(
    (v) => v !== '',
  ).length
}

export function clearFilters(state: QueueState): QueueState {
  return { ...DEFAULT_STATE, tab: state.tab, sort: state.sort, size: state.size }
}

/** The last page that exists for `total` items, so that a page beyond the end (after signing) falls back. */
export function lastPage(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size))
}
