/**
 * CSV as spreadsheet programs write it (RFC 4180): quoted fields may hold commas, doubled quotes and line breaks;
 * rows end with CRLF, LF or CR. The same reading as complaint-intake's CsvRows, plus the line each record starts on
 * (for messages) and an error for a quote left open.
 */

export interface CsvRecord {
  cells: string[]
  /** 1-based line of the file where the record starts. */
  line: number
}

export interface CsvParse {
  records: CsvRecord[]
  /** Line where a quoted field opened and never closed, else null (the rest of the file was read into it). */
  unclosedQuoteLine: number | null
}

/** Removes a leading byte order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Reads records; blank lines are skipped (a line holding only "" or a comma is a record). */
export function parseCsv(input: string): CsvParse {
  const text = stripBom(input)
  const records: CsvRecord[] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let any = false
  let line = 1
  let recordLine = 1
  let quoteLine = 0
  const endRecord = () => {
    if (any || cell.length > 0) {
      row.push(cell)
      records.push({ cells: row, line: recordLine })
    }
    row = []
    cell = ''
    any = false
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else {
          quoted = false
        }
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++
        cell += c
      }
      continue
    }
    if (!any && row.length === 0 && cell.length === 0 && c !== '\n' && c !== '\r') recordLine = line
    if (c === '"') {
      quoted = true
      quoteLine = line
      any = true
    } else if (c === ',') {
      row.push(cell)
      cell = ''
      any = true
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
    } else {
      cell += c
      any = true
    }
  }
  const unclosedQuoteLine = quoted ? quoteLine : null
  endRecord()
  return { records, unclosedQuoteLine }
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * Writes rows as CSV with CRLF line ends and, by default, a UTF-8 byte order mark so that spreadsheet programs on
 * Chinese Windows read the characters right. Cells that start with =, +, - or @ are prefixed with an apostrophe
 * (formula injection), except plain numbers such as "-1".
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], bom = true): string {
  const body = rows
    .map((row) =>
      row
        .map((v) => {
          const s = v === null || v === undefined ? '' : String(v)
          const safe = /^[=+\-@]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s) ? `'${s}` : s
          return quote(safe)
        })
        .join(','),
    )
    .join('\r\n')
  return (bom ? '\uFEFF' : '') + body + '\r\n'
}

/**
 * Text of a file's bytes: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GB18030 (a superset
 * of GBK, what spreadsheet programs on Chinese Windows save "CSV" as).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' }
  } catch {
    return { text: stripBom(new TextDecoder('gb18030').decode(bytes)), encoding: 'gb18030' }
  }
}
