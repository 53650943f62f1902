import { describe, expect, it } from 'vitest'
import type { InboxMessage } from '@/api/handler'
import { mergeMessage, messageOf, sortMessages } from './inbox'

function msg(id: number, createdAt: string, readAt: string | null = null): InboxMessage {
  return {
    id,
    caseNumber: 'TS202612210001',
    eventType: 'WorkItemOpened',
    recipientKind: 'UNIT',
    recipient: 'TAX',
    channel: 'INBOX',
    subject: `新案件 ${id}`,
    body: '请及时签收',
    status: 'SENT',
    createdAt,
    readAt,
  }
}

describe('inbox messages', () => {
  it('reads a message from an event and ignores anything else', () => {
    const m = msg(7, '2026-12-21T09:00:00+08:00')
    expect(messageOf({ type: 'message', data: JSON.stringify(m), lastEventId: '' })).toEqual(m)
    expect(messageOf({ type: 'message', data: 'not json', lastEventId: '' })).toBeNull()
    expect(messageOf({ type: 'message', data: '{"hello":1}', lastEventId: '' })).toBeNull()
  })

  it('lists unread first, newest first', () => {
    const list = sortMessages([
      msg(1, '2026-12-21T09:00:00+08:00', '2026-12-21T10:00:00+08:00'),
      msg(2, '2026-12-20T09:00:00+08:00'),
      msg(3, '2026-12-21T11:00:00+08:00'),
    ])
    expect(list.map((m) => m.id)).toEqual([3, 2, 1])
  })

  it('replaces a message that arrives again instead of listing it twice', () => {
    const list = mergeMessage([msg(1, '2026-12-21T09:00:00+08:00')], { ...msg(1, '2026-12-21T09:00:00+08:00'), subject: '改' })
    expect(list).toHaveLength(1)
    expect(list[0].subject).toBe('改')
  })
})
