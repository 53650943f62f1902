import { computed, onBeforeUnmount, reactive, readonly } from 'vue'
import { handlerApi, INBOX_STREAM_PATH, type InboxMessage } from '@/api/handler'
import { isApiError } from '@/api/client'
import type { Problem } from '@/api/problem'
import { accessToken } from '@/auth/session'
import { currentLocale } from '@/i18n'
import { openEventStream, type EventStreamHandle, type StreamStatus } from './eventStream'
import { mergeMessage, messageOf, sortMessages } from './inbox'

/**
 * The signed-in user's in-app messages (GET /api/notification/inbox) kept fresh by the inbox stream
 * (/api/notification/inbox/stream, read with fetch and the bearer token). One connection per tab, shared by every
 * page that uses it; it closes a little after the last page leaves, so that going from the queue to a case and back
 * keeps it.
 */
export type InboxListener = (message: InboxMessage | null) => void

const state = reactive({
  messages: [] as InboxMessage[],
  loading: false,
  problem: null as Problem | null,
  status: 'stopped' as StreamStatus,
  /** The newest message that arrived live (for a polite announcement). */
  latest: null as InboxMessage | null,
})

const listeners = new Set<InboxListener>()
let handle: EventStreamHandle | null = null
let users = 0
let stopTimer: ReturnType<typeof setTimeout> | null = null
let opens = 0
let loadSeq = 0

const KEEP_OPEN_MS = 10_000

/** Loads the inbox; resolves true when it holds messages that were not there before. */
async function load(): Promise<boolean> {
  const seq = ++loadSeq
  state.loading = true
  try {
    const list = await handlerApi.inbox()
    if (seq !== loadSeq) return false
    const known = new Set(state.messages.map((m) => m.id))
    state.messages = sortMessages(Array.isArray(list) ? list : [])
    state.problem = null
    return state.messages.some((m) => !known.has(m.id))
  } catch (e) {
    if (!isApiError(e)) throw e
    if (seq === loadSeq) state.problem = e.problem
  } finally {
    if (seq === loadSeq) state.loading = false
  }
  return false
}

function notify(m: InboxMessage | null) {
  for (const l of listeners) {
    try {
      l(m)
    } catch (error) {
      console.error(error)
    }
  }
}

function start() {
  if (stopTimer) {
    clearTimeout(stopTimer)
    stopTimer = null
  }
  if (handle) return
  opens = 0
  void load()
  handle = openEventStream({
    url: INBOX_STREAM_PATH,
    token: accessToken,
    headers: () => ({ 'Accept-Language': currentLocale().startsWith('en') ? 'en' : 'zh-CN' }),
    onStatus: (s) => (state.status = s),
    onOpen: () => {
      // after a reconnect, fetch what arrived while the stream was down; pages refresh when something did
      if (opens++ > 0) void load().then((missed) => missed && notify(null))
    },
    onEvent: (e) => {
      const m = messageOf(e)
      if (m) {
        state.messages = mergeMessage(state.messages, m)
        state.latest = m
      }
      notify(m)
    },
  })
}

function stop() {
  handle?.close()
  handle = null
  state.status = 'stopped'
}

async function markRead(id: number) {
  const updated = await handlerApi.markRead(id)
  const now = new Date().toISOString()
  state.messages = sortMessages(
    state.messages.map((m) => (m.id === id ? { ...m, ...(updated ?? {}), readAt: updated?.readAt ?? m.readAt ?? now } : m)),
  )
}

/** Use in a page's setup: starts the shared stream; `onMessage` runs on every live message (and after reconnects). */
export function useInbox(onMessage?: InboxListener) {
  users++
  if (onMessage) listeners.add(onMessage)
  start()
  onBeforeUnmount(() => {
    if (onMessage) listeners.delete(onMessage)
    users--
    if (users <= 0) {
      users = 0
      stopTimer = setTimeout(stop, KEEP_OPEN_MS)
    }
  })
  return {
    state: readonly(state),
    unread: computed(() => state.messages.filter((m) => !m.readAt).length),
    reload: () => void load(),
    markRead,
  }
}
