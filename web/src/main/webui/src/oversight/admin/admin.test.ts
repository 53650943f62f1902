import { describe, expect, it } from 'vitest'
import { countChanges, fieldKey, filterRows, lineErrors, splitCodes, sortRows, toCsv } from './matrix'
import { checkNotice, holidaysOf, monthsOf, nextYearMissing, oneOffFieldErrors, workingDayCount } from './calendar'
import { filterGroups, groupTemplates, insertAt } from './templates'
import type { MatrixRow, TemplateSummary } from '@/api/oversightAdmin'
import zh from './messages.zh-CN'
import en from './messages.en'

const row = (over: Partial<MatrixRow>): MatrixRow => ({
  id: 1,
  category: 'TAX_RELIEF',
  nameZh: '减税降费',
  nameEn: 'Tax relief',
  lead: 'TAX',
  leadName: '市税务局',
  coHandlers: ['CZJ'],
  scope: 'city',
  basis: '第2项',
  ...over,
})

describe('matrix import errors', () => {
  it('reads line and field from case-routing field paths, sorted by line, whole-matrix errors last', () => {
    expect(
      lineErrors({
        rows: '须保留由纪检监察机关主办的条目',
        'line[31].co_handlers': '协办单位代码不存在',
        'line[30].lead': '主办单位代码不存在',
        'line[33]': '应有 7 列，实有 6 列',
      }),
    ).toEqual([
      { line: 30, field: 'lead', message: '主办单位代码不存在' },
      { line: 31, field: 'co_handlers', message: '协办单位代码不存在' },
      { line: 33, field: null, message: '应有 7 列，实有 6 列' },
      { line: null, field: 'rows', message: '须保留由纪检监察机关主办的条目' },
    ])
  })

  it('names CSV and JSON spellings of a field alike', () => {
    expect(fieldKey('co_handlers')).toBe('coHandlers')
    expect(fieldKey('coHandlers')).toBe('coHandlers')
    expect(fieldKey('name_zh')).toBe('nameZh')
    expect(fieldKey('something')).toBeNull()
    expect(fieldKey(null)).toBeNull()
  })
})

describe('matrix rows and versions', () => {
  it('counts added, removed and changed rows', () => {
    expect(
      countChanges([
        { change: 'ADDED', category: 'A', scope: 'city', fields: [] },
        { change: 'CHANGED', category: 'B', scope: 'city', fields: [] },
        { change: 'CHANGED', category: 'C', scope: 'D01', fields: [] },
      ]),
    ).toEqual({ added: 1, removed: 0, changed: 2 })
  })

  it('sorts by category with the city-wide row first and filters by unit name', () => {
    const rows = [row({ id: 2, scope: 'D02' }), row({ id: 3, category: 'ARREARS' }), row({ id: 1 })]
    expect(sortRows(rows).map((r) => r.id)).toEqual([3, 1, 2])
    expect(filterRows(rows, '财政', (c) => (c === 'CZJ' ? '市财政局' : c)).length).toBe(3)
    expect(filterRows(rows, 'arrears', (c) => c).map((r) => r.id)).toEqual([3])
  })

  it('exports the columns case-routing imports, quoting where needed', () => {
    const csv = toCsv([row({ coHandlers: ['CZJ', 'GXJ'], basis: '意见, 第2项 "税"' })])
    expect(csv).toBe(
      'category,name_zh,name_en,lead,co_handlers,scope,basis\r\nTAX_RELIEF,减税降费,Tax relief,TAX,CZJ;GXJ,city,"意见, 第2项 ""税"""\r\n',
    )
    expect(splitCodes('CZJ;GXJ； SCJG')).toEqual(['CZJ', 'GXJ', 'SCJG'])
  })
})

describe('working-day calendar', () => {
  const days = [
    { date: '2027-01-01', offDay: true, name: '元旦' },
    { date: '2027-02-06', offDay: false, name: '春节' },
    { date: '2027-02-08', offDay: true, name: '春节' },
  ]

  it('lays a year out Monday first, holidays and make-up days marked', () => {
    const months = monthsOf(2027, days)
    expect(months).toHaveLength(12)
    // 2027-01-01 is a Friday
    expect(months[0].lead).toBe(4)
    expect(months[0].days[0]).toMatchObject({ date: '2027-01-01', weekday: 4, kind: 'holiday', name: '元旦' })
    expect(months[0].days[1].kind).toBe('weekend')
    expect(months[1].days[5]).toMatchObject({ date: '2027-02-06', kind: 'makeUp' })
    expect(months[1].days).toHaveLength(28)
    // 261 weekdays in 2027, less two holidays on weekdays, plus one make-up Saturday
    expect(workingDayCount(months)).toBe(261 - 2 + 1)
  })

  it('groups holidays by name', () => {
    expect(holidaysOf(days)).toEqual([
      { name: '元旦', off: ['2027-01-01'], makeUp: [] },
      { name: '春节', off: ['2027-02-08'], makeUp: ['2027-02-06'] },
    ])
  })

  it('warns when next year is missing', () => {
    expect(nextYearMissing({ today: '2026-12-07', years: [], missing: [2027] })).toBe(2027)
    expect(nextYearMissing({ today: '2026-12-07', years: [], missing: [] })).toBeNull()
    expect(nextYearMissing(null)).toBeNull()
  })

  it('checks a holiday-cn file before sending it', () => {
    const good = JSON.stringify({ year: 2027, papers: [], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] })
    expect(checkNotice('\uFEFF' + good, 2027).problems).toEqual([])
    expect(checkNotice(good, 2028).problems.map((p) => p.key)).toEqual(['wrongYear', 'otherYear'])
    expect(checkNotice('{', 2027).problems[0].key).toBe('notJson')
    expect(checkNotice('[]', 2027).problems[0].key).toBe('notObject')
    const bad = JSON.stringify({
      year: 2027,
      days: [
        { name: '', date: '2027-13-01', isOffDay: 'yes' },
        { name: 'a', date: '2027-01-01', isOffDay: true },
        { name: 'b', date: '2027-01-01', isOffDay: true },
      ],
    })
    expect(checkNotice(bad, 2027).problems.map((p) => [p.key, p.params?.n])).toEqual([
      ['badDate', 1],
      ['badOffDay', 1],
      ['noName', 1],
      ['duplicate', 3],
    ])
  })
})

describe('one-off calendar changes', () => {
  it('puts the service field errors under the form fields, path or not', () => {
    expect(
      oneOffFieldErrors({
        'addDay.request.reference': '不能为空',
        date: '日期须在 2026 年内',
        offDay: '该日已是休息日，无需调整',
      }),
    ).toEqual({ reference: '不能为空', date: '日期须在 2026 年内', offDay: '该日已是休息日，无需调整' })
  })
})

describe('templates', () => {
  const s = (key: string, locale: string, channel: string): TemplateSummary => ({
    key,
    locale,
    channel,
    version: 0,
    source: 'FILE',
    updatedBy: null,
    updatedAt: null,
  })

  it('puts the Chinese and English texts of a template side by side', () => {
    const groups = groupTemplates([s('receipt.sms', 'zh-CN', 'sms'), s('receipt.sms', 'en', 'sms'), s('new-case.subject', 'zh-CN', 'subject')])
    expect(groups.map((g) => [g.key, g.message, Object.keys(g.byLocale)])).toEqual([
      ['receipt.sms', 'receipt', ['zh-CN', 'en']],
      ['new-case.subject', 'new-case', ['zh-CN']],
    ])
    expect(filterGroups(groups, '', 'subject').map((g) => g.key)).toEqual(['new-case.subject'])
    expect(filterGroups(groups, 'RECEIPT', '').map((g) => g.key)).toEqual(['receipt.sms'])
    expect(filterGroups(groups, '回执', '', (m) => (m === 'receipt' ? '受理回执' : m)).map((g) => g.key)).toEqual(['receipt.sms'])
  })

  it('inserts a variable at the cursor', () => {
    expect(insertAt('您好，', 3, 3, '{caseNumber}')).toEqual({ value: '您好，{caseNumber}', cursor: 15 })
    expect(insertAt('abc', 1, 2, 'X')).toEqual({ value: 'aXc', cursor: 2 })
  })
})

describe('texts', () => {
  it('have the same keys in Chinese and English', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${p}${k}.`) : [`${p}${k}`]))
    expect(keys(en).sort()).toEqual(keys(zh).sort())
  })
})

describe('calendar field names', () => {
  it('numbers a refused day from 1', async () => {
    const { dayNumber } = await import('./calendar')
    expect(dayNumber('days[3].date')).toBe(4)
    expect(dayNumber('days[0]')).toBe(1)
    expect(dayNumber('year')).toBeNull()
  })
})
