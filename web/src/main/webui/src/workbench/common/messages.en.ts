import type zh from './messages.zh-CN'

/** Texts of the workbench's shared components (en). */
const en: typeof zh = {
  clock: {
    left: '{n} working days left',
    dueToday: 'Due today',
    overdue: 'Overdue by {n} working days',
    overdueNoDays: 'Overdue',
    dueAt: 'Due {time}',
    done: 'Done {time}',
    doneLate: 'Done late',
    doneLateAt: 'Done late {time}',
    paused: 'Paused',
    deadline: 'Deadline: {time}',
  },
  inbox: {
    button: 'Messages',
    buttonUnread: 'Messages, {n} unread',
    heading: 'My messages',
    empty: 'No messages.',
    unread: 'Unread',
    markRead: 'Mark read',
    markReadOf: 'Mark message “{subject}” read',
    openCase: 'Open case {caseNumber}',
    loadFailed: 'Messages could not be loaded.',
    live: 'Live updates connected',
    reconnecting: 'Live updates lost, reconnecting…',
    offline: 'Live updates unavailable; refresh by hand.',
    newMessage: 'New message: {subject}',
    refresh: 'Refresh',
  },
  unknownUnit: 'Unknown unit ({code})',
}
export default en
