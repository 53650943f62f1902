import type { InboxMessage } from '@/api/handler'
import type { SseEvent } from './eventStream'

/** Parses one event's data as a message (the stream sends NotificationView JSON); null when it is not one. */
export function messageOf(event: SseEvent): InboxMessage | null {
  try {
    const m = JSON.parse(event.data) as InboxMessage
    return m && typeof m === 'object' && typeof m.id === 'number' ? m : null
  } catch {
    return null
  }
}

/** Unread first, then newest first (the server's order, kept when a message arrives live). */
export function sortMessages(list: readonly InboxMessage[]): InboxMessage[] {
  return [...list].sort((a, b) => {
    const ua = a.readAt ? 1 : 0
    const ub = b.readAt ? 1 : 0
    if (ua !== ub) return ua - ub
    return Date.parse(b.createdAt) - Date.parse(a.createdAt)
  })
}

export function mergeMessage(list: readonly InboxMessage[], m: InboxMessage): InboxMessage[] {
  return sortMessages([m, ...list.filter((x) => x.id !== m.id)])
}
