import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/client'
import { toProblem } from '@/api/problem'
import type { BatchImportResponse } from '@/api/desk'
import { parseCsv } from './csv'
import {
  checkHeader,
  chunk,
  normalizeValue,
  outcomesOf,
  progressOf,
  readRows,
  resultsCsv,
  retryDelay,
  runImport,
  summarize,
  templateCsv,
  toNdjson,
  type ImportRow,
  type RowOutcome,
  type Vocabulary,
} from './hotlineImport'

const vocabulary: Vocabulary = {
  types: [
    { code: 'COMPLAINT', name: '投诉', nameEn: 'Complaint' },
    { code: 'INQUIRY', name: '咨询', nameEn: 'Inquiry' },
  ],
  districts: [{ code: 'D01', name: '东城区', nameEn: 'Dongcheng' }],
  units: [{ code: 'SCJG', name: '市市场监管局', nameEn: 'Market Regulation' }],
}

const HEADER = 'workOrderNumber,callTime,callerPhone,operatorId,type,district,summary,urgent'

function rowsOf(text: string): ImportRow[] {
  const parsed = parseCsv(text)
  const header = checkHeader(parsed.records[0].cells)
  expect(header.ok).toBe(true)
  return readRows(parsed, header, vocabulary)
}

function answer(results: BatchImportResponse['results']): BatchImportResponse {
  return { rows: results.length, created: 0, duplicate: 0, conflict: 0, invalid: 0, results }
}

describe('checkHeader', () => {
  it('accepts the field names, in any case, and the Chinese names', () => {
    const check = checkHeader(['WorkOrderNumber', '来电时间', 'callerPhone', '话务员工号', '诉求类型', '所在区域', '摘要'])
    expect(check.ok).toBe(true)
    expect(check.columns).toEqual(['workOrderNumber', 'callTime', 'callerPhone', 'operatorId', 'type', 'district', 'summary'])
  })

  it('names unknown, missing and repeated columns', () => {
    const check = checkHeader(['workOrderNumber', 'phone', 'type', '类型', ' summary '])
    expect(check.ok).toBe(false)
    expect(check.unknown).toEqual(['phone'])
    expect(check.duplicate).toEqual(['type'])
    expect(check.missing).toEqual(['callTime', 'callerPhone', 'operatorId', 'district'])
  })
})

describe('normalizeValue', () => {
  it('turns Chinese names of types, districts, units and kinds into codes', () => {
    expect(normalizeValue('type', '投诉', vocabulary)).toBe('COMPLAINT')
    expect(normalizeValue('type', 'inquiry', vocabulary)).toBe('INQUIRY')
    expect(normalizeValue('district', ' 东城区 ', vocabulary)).toBe('D01')
    expect(normalizeValue('district', 'D09', vocabulary)).toBe('D09')
    expect(normalizeValue('accusedUnit', '市市场监管局', vocabulary)).toBe('SCJG')
    expect(normalizeValue('complainantKind', '企业')).toBe('ENTERPRISE')
  })

  it('reads yes and no in Chinese and English', () => {
    for (const yes of ['是', 'Y', 'yes', 'TRUE', '1', '紧急']) expect(normalizeValue('urgent', yes)).toBe('true')
    for (const no of ['否', 'N', 'no', 'false', '0']) expect(normalizeValue('anonymous', no)).toBe('false')
    expect(normalizeValue('confidential', 'maybe')).toBe('maybe')
  })

  it('reads call times without an offset as Beijing time', () => {
    expect(normalizeValue('callTime', '2026-12-07 09:30')).toBe('2026-12-07T09:30:00+08:00')
    expect(normalizeValue('callTime', '2026/12/7 9:05:07')).toBe('2026-12-07T09:05:07+08:00')
    expect(normalizeValue('callTime', '2026-12-07T09:30:00Z')).toBe('2026-12-07T09:30:00Z')
    expect(normalizeValue('callTime', '昨天')).toBe('昨天')
  })

  it('upper-cases identifiers and trims, but keeps the inside of the content', () => {
    expect(normalizeValue('creditCode', '91110000x')).toBe('91110000X')
    expect(normalizeValue('summary', '  摘要 ')).toBe('摘要')
    expect(normalizeValue('content', ' 第一行\r\n 第二行 ')).toBe('第一行\r\n 第二行')
  })
})

describe('readRows', () => {
  it('numbers data rows from 1, leaves blank cells out and keeps the file line', () => {
    const rows = rowsOf(
      `${HEADER}\r\nH-0001,2026-12-07 09:30,13800138000,op1,投诉,东城区,"营业执照，补材料",是\r\n` +
        'H-0002,2026-12-07 10:00,12345,op1,咨询,D01,"两行\n摘要",\r\n',
    )
    expect(rows).toHaveLength(2)
    expect(rows[0]).toEqual({
      row: 1,
      line: 2,
      workOrderNumber: 'H-0001',
      problem: null,
      fields: {
        workOrderNumber: 'H-0001',
        callTime: '2026-12-07T09:30:00+08:00',
        callerPhone: '13800138000',
        operatorId: 'op1',
        type: 'COMPLAINT',
        district: 'D01',
        summary: '营业执照，补材料',
        urgent: 'true',
      },
    })
    expect(rows[1].row).toBe(2)
    expect(rows[1].line).toBe(3)
    expect('urgent' in rows[1].fields).toBe(false)
  })

  it('marks a row with the wrong number of cells and does not read its fields', () => {
    const rows = rowsOf(`${HEADER}\nH-0003,2026-12-07 09:30,13800138000\n`)
    expect(rows[0].problem).toEqual({ kind: 'columns', expected: 8, found: 3 })
    expect(rows[0].fields).toEqual({})
    expect(rows[0].workOrderNumber).toBe('H-0003')
  })
})

describe('chunks and JSON lines', () => {
  it('cuts into chunks of the given size, the last one shorter', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunk([], 3)).toEqual([])
    expect(() => chunk([1], 0)).toThrow()
  })

  it('writes one JSON object per line, Chinese and line breaks escaped by JSON', () => {
    const rows = rowsOf(`${HEADER}\nH-1,2026-12-07 09:30,12345,op,投诉,D01,"a\nb",否\n`)
    const text = toNdjson(rows)
    expect(text.endsWith('\n')).toBe(true)
    expect(text.trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(text.trim())).toMatchObject({ summary: 'a\nb', type: 'COMPLAINT', urgent: 'false' })
  })
})

describe('outcomesOf', () => {
  const rows = rowsOf(`${HEADER}\nA-1,2026-12-07 09:30,12345,op,投诉,D01,s1,\nA-2,2026-12-07 09:30,12345,op,投诉,D01,s2,\nA-3,2026-12-07 09:30,x,op,投诉,D01,s3,\n`)

  it("maps the service's row numbers (per request) to the file's rows", () => {
    const out = outcomesOf(
      rows.slice(1),
      answer([
        { row: 1, workOrderNumber: 'A-2', status: 'duplicate', caseNumber: 'TS202612070002' },
        {
          row: 2,
          workOrderNumber: 'A-3',
          status: 'invalid',
          message: '请求内容不符合要求',
          errors: [{ field: 'callerPhone', message: '来电号码不正确', messageEn: 'wrong number' }],
        },
      ]),
    )
    expect(out.map((o) => [o.row, o.status, o.caseNumber])).toEqual([
      [2, 'duplicate', 'TS202612070002'],
      [3, 'invalid', null],
    ])
    expect(out[1].errors).toEqual([{ field: 'callerPhone', message: '来电号码不正确' }])
  })

  it('picks English field messages for English users and marks rows without an answer as failed', () => {
    const out = outcomesOf(
      rows.slice(0, 2),
      answer([{ row: 1, status: 'invalid', errors: [{ field: 'type', message: '类型', messageEn: 'type' }] }]),
      'en',
    )
    expect(out[0].errors[0].message).toBe('type')
    expect(out[1].status).toBe('failed')
  })
})

describe('runImport', () => {
  const many = (n: number): ImportRow[] =>
    Array.from({ length: n }, (_, i) => ({
      row: i + 1,
      line: i + 2,
      workOrderNumber: `N-${i + 1}`,
      fields: { workOrderNumber: `N-${i + 1}` },
      problem: null,
    }))
  const created = (ndjson: string) =>
    answer(ndjson.trim().split('\n').map((line, i) => ({ row: i + 1, status: 'created' as const, caseNumber: `C-${JSON.parse(line).workOrderNumber}` })))

  it('sends chunk after chunk and reports progress after each', async () => {
    const send = vi.fn(async (body: string) => created(body))
    const progress: number[] = []
    const outcomes: RowOutcome[] = []
    const result = await runImport({
      rows: many(5),
      chunkSize: 2,
      send,
      onChunk: (o, p) => {
        outcomes.push(...o)
        progress.push(p.percent)
      },
    })
    expect(result).toEqual({ state: 'done' })
    expect(send).toHaveBeenCalledTimes(3)
    expect(progress).toEqual([40, 80, 100])
    expect(outcomes.map((o) => [o.row, o.caseNumber])).toEqual([
      [1, 'C-N-1'],
      [2, 'C-N-2'],
      [3, 'C-N-3'],
      [4, 'C-N-4'],
      [5, 'C-N-5'],
    ])
  })

  it('waits out 429 with Retry-After and sends the same chunk again', async () => {
    let calls = 0
    const send = vi.fn(async (body: string) => {
      calls++
      if (calls === 2) throw new ApiError(toProblem(429, { title: '太频繁' }, '7'))
      return created(body)
    })
    const sleep = vi.fn(async () => {})
    const waits: number[] = []
    const result = await runImport({ rows: many(4), chunkSize: 2, send, onChunk: () => {}, sleep, onWait: (s) => waits.push(s) })
    expect(result.state).toBe('done')
    expect(send).toHaveBeenCalledTimes(3)
    expect(sleep).toHaveBeenCalledWith(7000, undefined)
    expect(waits).toEqual([7])
  })

  it('stops at a failed chunk and resumes from it', async () => {
    const failing = vi.fn(async (body: string) => {
      if (body.includes('N-3')) throw new ApiError(toProblem(500, { title: '内部错误' }))
      return created(body)
    })
    const seen: number[] = []
    const first = await runImport({ rows: many(6), chunkSize: 2, send: failing, onChunk: (o) => seen.push(...o.map((x) => x.row)) })
    expect(first.state).toBe('stopped')
    expect(first).toMatchObject({ nextChunk: 1 })
    expect(seen).toEqual([1, 2])

    const progress: number[] = []
    const second = await runImport({
      rows: many(6),
      chunkSize: 2,
      startChunk: 1,
      send: async (body) => created(body),
      onChunk: (o, p) => {
        seen.push(...o.map((x) => x.row))
        progress.push(p.percent)
      },
    })
    expect(second.state).toBe('done')
    expect(seen).toEqual([1, 2, 3, 4, 5, 6])
    expect(progress).toEqual([66, 100])
  })

  it('gives up after the retries and says where to resume', async () => {
    const send = vi.fn(async () => {
      throw new ApiError(toProblem(503, null, null))
    })
    const result = await runImport({ rows: many(2), chunkSize: 2, send, onChunk: () => {}, sleep: async () => {}, maxRetries: 2 })
    expect(result).toMatchObject({ state: 'stopped', nextChunk: 0 })
    expect(send).toHaveBeenCalledTimes(3)
  })

  it('stops when cancelled, before the next chunk', async () => {
    const controller = new AbortController()
    const send = vi.fn(async (body: string) => {
      controller.abort()
      return created(body)
    })
    const result = await runImport({ rows: many(4), chunkSize: 2, send, signal: controller.signal, onChunk: () => {} })
    expect(result).toEqual({ state: 'cancelled', nextChunk: 1 })
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('treats an aborted request as cancelled', async () => {
    const send = vi.fn(async () => {
      throw new DOMException('aborted', 'AbortError')
    })
    expect(await runImport({ rows: many(2), chunkSize: 2, send, onChunk: () => {} })).toEqual({
      state: 'cancelled',
      nextChunk: 0,
    })
  })
})

describe('retryDelay, progress, summary and files', () => {
  it('retries only 429 and 503, by default after 5 seconds', () => {
    expect(retryDelay(new ApiError(toProblem(429, null, '12')))).toBe(12)
    expect(retryDelay(new ApiError(toProblem(503, null, null)))).toBe(5)
    expect(retryDelay(new ApiError(toProblem(400, null, null)))).toBeNull()
    expect(retryDelay(new Error('x'))).toBeNull()
  })

  it('rounds progress down and counts an empty import as complete', () => {
    expect(progressOf(1, 3, 1, 3).percent).toBe(33)
    expect(progressOf(0, 0, 0, 0).percent).toBe(100)
  })

  it('counts outcomes by status', () => {
    const o = (status: RowOutcome['status']): RowOutcome => ({
      row: 1,
      line: 2,
      workOrderNumber: null,
      status,
      caseNumber: null,
      message: null,
      errors: [],
      local: null,
    })
    expect(summarize([o('created'), o('created'), o('invalid'), o('failed')])).toEqual({
      rows: 4,
      created: 2,
      duplicate: 0,
      conflict: 0,
      invalid: 1,
      failed: 1,
    })
  })

  it('offers a template whose header the import accepts', () => {
    const parsed = parseCsv(templateCsv())
    expect(parsed.records).toHaveLength(1)
    expect(checkHeader(parsed.records[0].cells).ok).toBe(true)
  })

  it('writes the results in file order with the given labels', () => {
    const base = { line: 0, workOrderNumber: 'W', caseNumber: null, message: null, errors: [], local: null }
    const csv = resultsCsv(
      [
        { ...base, row: 2, status: 'invalid', errors: [{ field: 'type', message: '请选择类型' }] },
        { ...base, row: 1, status: 'created', caseNumber: 'TS1' },
      ],
      {
        header: ['行号', '文件行', '工单编号', '结果', '案件编号', '说明'],
        status: (s) => ({ created: '新建', invalid: '无效' })[s as 'created' | 'invalid'] ?? s,
        detail: (o) => o.errors.map((e) => e.message).join('；'),
      },
    )
    expect(parseCsv(csv).records.map((r) => r.cells)).toEqual([
      ['行号', '文件行', '工单编号', '结果', '案件编号', '说明'],
      ['1', '0', 'W', '新建', 'TS1', ''],
      ['2', '0', 'W', '无效', '', '请选择类型'],
    ])
  })
})
