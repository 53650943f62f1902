import { isApiError } from '@/api/client'
import {
  HOTLINE_COLUMNS,
  HOTLINE_REQUIRED_COLUMNS,
  type BatchImportResponse,
  type BatchRowStatus,
  type HotlineColumn,
  type RawFieldError,
} from '@/api/desk'
import { toCsv, type CsvParse } from './csv'
import { withBeijingOffset } from './requests'

/**
 * A day's hotline work orders from a CSV file (工单批量导入): the header is checked in the browser, each row's values
 * are tidied (Chinese names of types, districts and yes/no; call times without an offset are Beijing time), and the
 * rows go to POST /api/intake/hotline/work-orders/batch as JSON lines in chunks, so that progress can be shown and an
 * interrupted import resumed. Each row is imported in its own transaction and a work-order number pushed again
 * answers with the same case, so sending a chunk twice does no harm.
 */

/** Chinese column names accepted beside the field names of the template. */
export const COLUMN_ALIASES: Readonly<Record<string, HotlineColumn>> = {
  工单编号: 'workOrderNumber',
  来电时间: 'callTime',
  来电号码: 'callerPhone',
  来电人: 'callerName',
  来电人姓名: 'callerName',
  话务员: 'operatorId',
  话务员工号: 'operatorId',
  诉求类型: 'type',
  类型: 'type',
  紧急: 'urgent',
  是否紧急: 'urgent',
  所在区域: 'district',
  区域: 'district',
  摘要: 'summary',
  标题: 'summary',
  诉求内容: 'content',
  内容: 'content',
  录音编号: 'recordingRef',
  类别: 'categoryHint',
  被反映单位: 'accusedUnit',
  匿名: 'anonymous',
  保密: 'confidential',
  诉求人类型: 'complainantKind',
  电子邮箱: 'email',
  身份证号: 'idNumber',
  统一社会信用代码: 'creditCode',
  联系人: 'contactPerson',
}

export interface HeaderCheck {
  /** The field each column fills (null for an unknown column). */
  columns: (HotlineColumn | null)[]
  unknown: string[]
  missing: HotlineColumn[]
  duplicate: HotlineColumn[]
  ok: boolean
}

const BY_LOWER = new Map(HOTLINE_COLUMNS.map((c) => [c.toLowerCase(), c] as const))

export function columnOf(name: string): HotlineColumn | null {
  const n = name.trim()
  return BY_LOWER.get(n.toLowerCase()) ?? COLUMN_ALIASES[n] ?? null
}

export function checkHeader(cells: readonly string[]): HeaderCheck {
  const columns = cells.map(columnOf)
  const unknown = cells.filter((_, i) => columns[i] === null).map((c) => c.trim())
  const seen = new Set<HotlineColumn>()
  const duplicate: HotlineColumn[] = []
  for (const c of columns) {
    if (!c) continue
    if (seen.has(c) && !duplicate.includes(c)) duplicate.push(c)
    seen.add(c)
  }
  const missing = HOTLINE_REQUIRED_COLUMNS.filter((c) => !seen.has(c))
  return { columns, unknown, missing, duplicate, ok: unknown.length === 0 && missing.length === 0 && duplicate.length === 0 }
}

export interface NamedCode {
  code: string
  name: string
  nameEn?: string | null
}

/** What values may be written as names instead of codes. */
export interface Vocabulary {
  types: NamedCode[]
  districts: NamedCode[]
  units: NamedCode[]
}

const YES = new Set(['是', '紧急', 'y', 'yes', 'true', '1', '√'])
const NO = new Set(['否', '不', 'n', 'no', 'false', '0', ''])
const KINDS: Record<string, string> = { 个人: 'PERSON', 企业: 'ENTERPRISE', 匿名: 'ANONYMOUS' }
const BOOLEAN_COLUMNS: readonly HotlineColumn[] = ['urgent', 'anonymous', 'confidential']
const TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/

function byName(value: string, list: NamedCode[]): string {
  const v = value.trim()
  const lower = v.toLowerCase()
  const hit = list.find((n) => n.code === v || n.name === v || n.nameEn?.toLowerCase() === lower)
  return hit ? hit.code : v
}

/** A cell as the service expects it; values it cannot tidy are left as they are, for the service to refuse. */
export function normalizeValue(column: HotlineColumn, raw: string, vocabulary?: Vocabulary): string {
  const value = raw.trim()
  switch (column) {
    case 'type':
      return vocabulary ? byName(value, vocabulary.types).toUpperCase() : value.toUpperCase()
    case 'district':
      return vocabulary ? byName(value, vocabulary.districts) : value
    case 'accusedUnit':
      return vocabulary ? byName(value, vocabulary.units) : value
    case 'complainantKind':
      return KINDS[value] ?? value.toUpperCase()
    case 'creditCode':
    case 'idNumber':
      return value.toUpperCase()
    case 'categoryHint':
      return value.toUpperCase()
    case 'callTime': {
      const m = TIME.exec(value)
      if (!m) return value
      const p2 = (s: string | undefined) => (s ?? '0').padStart(2, '0')
      return withBeijingOffset(`${m[1]}-${p2(m[2])}-${p2(m[3])}T${p2(m[4])}:${m[5]}:${p2(m[6])}`)
    }
    default:
      if (BOOLEAN_COLUMNS.includes(column)) {
        const lower = value.toLowerCase()
        if (YES.has(lower)) return 'true'
        if (NO.has(lower)) return 'false'
      }
      return column === 'content' ? raw.replace(/^\s+|\s+$/g, '') : value
  }
}

export type LocalProblem = { kind: 'columns'; expected: number; found: number }

/** One data row of the file. */
export interface ImportRow {
  /** 1 = the first data row (the header is not counted), as the service numbers rows. */
  row: number
  /** Line of the file where the row starts. */
  line: number
  fields: Partial<Record<HotlineColumn, string>>
  workOrderNumber: string | null
  /** Why the row is not sent at all. */
  problem: LocalProblem | null
}

/** The data rows of a parsed file whose header passed `checkHeader`. Blank cells are left out, as the service does. */
export function readRows(parse: CsvParse, header: HeaderCheck, vocabulary?: Vocabulary): ImportRow[] {
  const out: ImportRow[] = []
  parse.records.slice(1).forEach((record, i) => {
    const fields: Partial<Record<HotlineColumn, string>> = {}
    let problem: LocalProblem | null = null
    if (record.cells.length !== header.columns.length) {
      problem = { kind: 'columns', expected: header.columns.length, found: record.cells.length }
    } else {
      header.columns.forEach((column, c) => {
        const cell = record.cells[c]
        if (column && cell.trim() !== '') fields[column] = normalizeValue(column, cell, vocabulary)
      })
    }
    const number = (problem ? record.cells[header.columns.indexOf('workOrderNumber')] : fields.workOrderNumber) ?? null
    out.push({ row: i + 1, line: record.line, fields, workOrderNumber: number?.trim() || null, problem })
  })
  return out
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error('chunk size must be at least 1')
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** One JSON object per line: the service numbers JSON lines by line, so result row n is the chunk's n-th row. */
export function toNdjson(rows: readonly ImportRow[]): string {
  return rows.map((r) => JSON.stringify(r.fields)).join('\n') + '\n'
}

export type OutcomeStatus = BatchRowStatus | 'failed'

export interface FieldMessage {
  field: string
  message: string
}

/** What became of one row of the file. */
export interface RowOutcome {
  row: number
  line: number
  workOrderNumber: string | null
  status: OutcomeStatus
  caseNumber: string | null
  message: string | null
  errors: FieldMessage[]
  /** Set for rows refused in the browser (never sent). */
  local: LocalProblem | null
}

function pickMessage(e: RawFieldError, english: boolean): string {
  const zh = e.message?.trim() || null
  const en = e.messageEn?.trim() || null
  return (english ? (en ?? zh) : (zh ?? en)) ?? ''
}

export function localOutcome(row: ImportRow): RowOutcome {
  return {
    row: row.row,
    line: row.line,
    workOrderNumber: row.workOrderNumber,
    status: 'invalid',
    caseNumber: null,
    message: null,
    errors: [],
    local: row.problem,
  }
}

/** The service's answer for one chunk, as outcomes of the file's rows. A row it did not report counts as failed. */
export function outcomesOf(chunkRows: readonly ImportRow[], response: BatchImportResponse, locale = 'zh-CN'): RowOutcome[] {
  const english = locale.startsWith('en')
  const byRow = new Map(response.results.map((r) => [r.row, r]))
  return chunkRows.map((row, i) => {
    const r = byRow.get(i + 1)
    if (!r) {
      return { ...localOutcome(row), status: 'failed' as const, local: null }
    }
    return {
      row: row.row,
      line: row.line,
      workOrderNumber: r.workOrderNumber ?? row.workOrderNumber,
      status: r.status,
      caseNumber: r.caseNumber ?? null,
      message: r.message ?? null,
      errors: (r.errors ?? []).map((e) => ({ field: e.field, message: pickMessage(e, english) })),
      local: null,
    }
  })
}

export interface ImportProgress {
  /** Rows the service has answered for. */
  done: number
  total: number
  percent: number
  chunksDone: number
  chunks: number
}

export function progressOf(done: number, total: number, chunksDone: number, chunks: number): ImportProgress {
  const percent = total === 0 ? 100 : Math.min(100, Math.floor((done / total) * 100))
  return { done, total, percent, chunksDone, chunks }
}

export type RunResult =
  | { state: 'done' }
  | { state: 'cancelled'; nextChunk: number }
  | { state: 'stopped'; nextChunk: number; error: unknown }

export interface RunOptions {
  rows: readonly ImportRow[]
  chunkSize: number
  /** Resume: the first chunk to send (chunks before it were answered already). */
  startChunk?: number
  send: (ndjson: string, signal: AbortSignal | undefined) => Promise<BatchImportResponse>
  signal?: AbortSignal
  locale?: string
  onChunk: (outcomes: RowOutcome[], progress: ImportProgress) => void
  /** Called before waiting out a 429 or 503; seconds to wait. */
  onWait?: (seconds: number) => void
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** How often one chunk is sent again after 429 / 503. */
  maxRetries?: number
}

/** Seconds to wait before sending again after this error, or null when sending again would not help. */
export function retryDelay(error: unknown): number | null {
  if (!isApiError(error)) return null
  const p = error.problem
  if (p.status !== 429 && p.status !== 503) return null
  return p.retryAfterSeconds ?? 5
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError'
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('aborted', 'AbortError'))
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(new DOMException('aborted', 'AbortError'))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Sends the rows chunk by chunk, one request at a time. A chunk answered 429 or 503 is sent again after the wait the
 * service asks for (at most `maxRetries` times); any other failure stops the run, and `nextChunk` says where to resume.
 */
export async function runImport(options: RunOptions): Promise<RunResult> {
  const chunks = chunk(options.rows, options.chunkSize)
  const total = options.rows.length
  const wait = options.sleep ?? sleep
  const maxRetries = options.maxRetries ?? 3
  const start = options.startChunk ?? 0
  let done = chunks.slice(0, start).reduce((n, c) => n + c.length, 0)
  for (let i = start; i < chunks.length; i++) {
    let attempt = 0
    for (;;) {
      if (options.signal?.aborted) return { state: 'cancelled', nextChunk: i }
      try {
        const response = await options.send(toNdjson(chunks[i]), options.signal)
        done += chunks[i].length
        options.onChunk(outcomesOf(chunks[i], response, options.locale), progressOf(done, total, i + 1, chunks.length))
        break
      } catch (e) {
        if (isAbort(e)) return { state: 'cancelled', nextChunk: i }
        const delay = retryDelay(e)
        if (delay === null || attempt >= maxRetries) return { state: 'stopped', nextChunk: i, error: e }
        attempt++
        options.onWait?.(delay)
        try {
          await wait(delay * 1000, options.signal)
        } catch {
          return { state: 'cancelled', nextChunk: i }
        }
      }
    }
  }
  return { state: 'done' }
}

export interface ImportSummary {
  rows: number
  created: number
  duplicate: number
  conflict: number
  invalid: number
  failed: number
}

export function summarize(outcomes: readonly RowOutcome[]): ImportSummary {
  const s: ImportSummary = { rows: outcomes.length, created: 0, duplicate: 0, conflict: 0, invalid: 0, failed: 0 }
  for (const o of outcomes) s[o.status]++
  return s
}

/** The template: the header row with the field names (the Chinese names are accepted as well). */
export function templateCsv(): string {
  return toCsv([HOTLINE_COLUMNS])
}

export interface ResultLabels {
  header: [row: string, line: string, workOrderNumber: string, status: string, caseNumber: string, detail: string]
  status: (s: OutcomeStatus) => string
  detail: (o: RowOutcome) => string
}

/** The per-row results as a CSV file, in the order of the file's rows. */
export function resultsCsv(outcomes: readonly RowOutcome[], labels: ResultLabels): string {
  const sorted = [...outcomes].sort((a, b) => a.row - b.row)
  return toCsv([
    labels.header,
    ...sorted.map((o) => [o.row, o.line, o.workOrderNumber, labels.status(o.status), o.caseNumber, labels.detail(o)]),
  ])
}
