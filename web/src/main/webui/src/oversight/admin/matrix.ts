import type { MatrixChange, MatrixRow } from '@/api/oversightAdmin'

/** One error of a rejected import or edit, as the page lists it: CSV line (when there is one), field and message. */
export interface LineError {
  line: number | null
  field: string | null
  message: string
}

const LINE = /^line\[(\d+)\](?:\.(.+))?$/

/**
 * case-routing names each error of a rejected matrix `line[30].lead`, `line[33]` (the whole line), or a field of the
 * matrix as a whole (`rows`, `scope` of an edited row). Sorted by line, the whole-matrix errors last.
 */
export function lineErrors(fieldErrors: Record<string, string>): LineError[] {
  const out: LineError[] = []
  for (const [key, message] of Object.entries(fieldErrors)) {
    const m = LINE.exec(key)
    out.push(m ? { line: Number(m[1]), field: m[2] ?? null, message } : { line: null, field: key, message })
  }
  return out.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER))
}

/** The fields a change and an error can name, in CSV spelling and in the JSON spelling, to one text key. */
const FIELD_KEYS: Record<string, string> = {
  category: 'category',
  name_zh: 'nameZh',
  nameZh: 'nameZh',
  name_en: 'nameEn',
  nameEn: 'nameEn',
  lead: 'lead',
  co_handlers: 'coHandlers',
  coHandlers: 'coHandlers',
  scope: 'scope',
  basis: 'basis',
  rows: 'rows',
  note: 'note',
}

/** The `adm.matrix.fields.*` key of a field, or null for one the page has no name for (shown as is). */
export function fieldKey(field: string | null): string | null {
  return field && FIELD_KEYS[field] ? FIELD_KEYS[field] : null
}

export interface ChangeCounts {
  added: number
  removed: number
  changed: number
}

export function countChanges(changes: readonly MatrixChange[]): ChangeCounts {
  const c = { added: 0, removed: 0, changed: 0 }
  for (const ch of changes) {
    if (ch.change === 'ADDED') c.added++
    else if (ch.change === 'REMOVED') c.removed++
    else c.changed++
  }
  return c
}

/** `CZJ;GXJ` (how versions record co-units) → ['CZJ', 'GXJ']. */
export function splitCodes(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(/[;,，；\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** Rows in a stable reading order: category, then the city-wide row before the districts'. */
export function sortRows(rows: readonly MatrixRow[]): MatrixRow[] {
  return [...rows].sort(
    (a, b) =>
      a.category.localeCompare(b.category) ||
      (a.scope === 'city' ? -1 : b.scope === 'city' ? 1 : a.scope.localeCompare(b.scope)),
  )
}

/** Rows whose category, name, unit codes or basis contain the text (case-insensitive). */
export function filterRows(rows: readonly MatrixRow[], text: string, unitName: (code: string) => string): MatrixRow[] {
  const q = text.trim().toLowerCase()
  if (!q) return [...rows]
  return rows.filter((r) =>
    [r.category, r.nameZh, r.nameEn ?? '', r.lead, unitName(r.lead), r.scope, r.basis, ...r.coHandlers, ...r.coHandlers.map(unitName)]
      .some((v) => v.toLowerCase().includes(q)),
  )
}

/** The matrix as CSV in the columns case-routing imports (a starting point for an import). */
export function toCsv(rows: readonly MatrixRow[]): string {
  const q = (v: string | null) => {
    const s = v ?? ''
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const lines = ['category,name_zh,name_en,lead,co_handlers,scope,basis']
  for (const r of sortRows(rows)) {
    lines.push([r.category, r.nameZh, r.nameEn, r.lead, r.coHandlers.join(';'), r.scope, r.basis].map(q).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}
