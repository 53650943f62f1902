import { api, ApiError, withQuery, type Query } from './client'
import { toProblem } from './problem'

/**
 * The supervisor's analysis calls (统计看板, 排名与红黑榜, 月度通报) to supervision-service, through the web module
 * under /api/supervision. Every rate counts only cases whose outcome is decided; `pending` are those still open.
 */
const BASE = '/api/supervision'

export type RateName =
  | 'dispatchRate'
  | 'onTimeSignForRate'
  | 'returnRate'
  | 'improperReturnRate'
  | 'responseRate'
  | 'onTimeCompletionRate'
  | 'closureRate'
  | 'followUpRate'
  | 'satisfactionRate'
  | 'resolutionRate'
  | 'reopenRate'
  | 'repeatRate'

export interface Rate {
  name: RateName | string
  nameZh: string
  numerator: number
  denominator: number
  /** Cases whose outcome is not decided yet (not counted in the denominator); absent from older servers. */
  pending?: number | null
  /** null when the denominator is 0. */
  rate: number | null
}

export interface MetricsFilters {
  unit?: string | null
  district?: string | null
  channel?: string | null
  category?: string | null
  type?: string | null
}

export interface DashboardDay {
  day: string
  received: number
  closed: number
}

export interface DashboardUnit {
  unit: string
  unitName: string
  rates: Rate[]
  compositeScore: number | null
}

export interface DashboardOverdue {
  unit: string
  category: string
  count: number
}

export interface DashboardChannel {
  channel: string
  received: number
}

export interface Dashboard {
  from: string
  to: string
  filters: Required<{ [K in keyof MetricsFilters]: string | null }>
  totals: { rates: Rate[]; compositeScore: number | null }
  daily: DashboardDay[]
  units: DashboardUnit[]
  overdue: DashboardOverdue[]
  channels: DashboardChannel[]
}

export interface RankingEntry {
  rank: number
  rankLow?: number | null
  rankHigh?: number | null
  unit: string
  unitName: string
  compositeScore: number | null
  scoreLow?: number | null
  scoreHigh?: number | null
  assignments: number
  rates: Rate[]
}

export interface NotRanked {
  unit: string
  unitName: string
  assignments: number
  decided: number
  rated: number
  reason: 'INSUFFICIENT_DATA' | string
}

export interface Rankings {
  period: string
  from: string
  to: string
  weights?: { response: number; resolution: number; satisfaction: number } | null
  minDecided?: number | null
  ranking: RankingEntry[]
  notRanked?: NotRanked[] | null
  redList: RankingEntry[]
  blackList: RankingEntry[]
}

export interface Period {
  /** yyyy-MM-dd, both inclusive */
  from: string
  to: string
}

export type ExportFormat = 'csv' | 'xlsx'

const filterQuery = (f: MetricsFilters): Query => ({
  unit: f.unit,
  district: f.district,
  channel: f.channel,
  category: f.category,
  type: f.type,
})

export const oversightMetrics = {
  dashboard: (period: Period, filters: MetricsFilters = {}, signal?: AbortSignal) =>
    api<Dashboard>(`${BASE}/metrics/dashboard`, { query: { ...period, ...filterQuery(filters) }, signal }),

  rankings: (period: string, signal?: AbortSignal) => api<Rankings>(`${BASE}/rankings`, { query: { period }, signal }),

  /** The export's address (the file is fetched with the bearer token by `downloadExport`). */
  exportUrl: (period: Period, format: ExportFormat) => withQuery(`${BASE}/metrics/export`, { ...period, format }),
}

/** The file name offered for an export: 督办统计_2026-11-01_2026-11-30.xlsx. */
export function exportFileName(period: Period, format: ExportFormat): string {
  return `督办统计_${period.from}_${period.to}.${format}`
}

/** Takes the file name from Content-Disposition (filename*=UTF-8''… or filename="…"), else null. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header)
  return plain ? plain[1].trim() : null
}

/**
 * Downloads the period's export (xlsx or CSV) with the signed-in user's token and offers it to the browser as a file.
 * Rejects with ApiError (the problem document) when the server refuses.
 */
export async function downloadExport(
  period: Period,
  format: ExportFormat,
  token: () => Promise<string | null>,
  locale = 'zh-CN',
): Promise<string> {
  const headers: Record<string, string> = { 'Accept-Language': locale.startsWith('en') ? 'en' : 'zh-CN' }
  const bearer = await token()
  if (bearer) headers.Authorization = `Bearer ${bearer}`
  let response: Response
  try {
    response = await fetch(oversightMetrics.exportUrl(period, format), { headers, credentials: 'same-origin' })
  } catch {
    throw new ApiError(toProblem(0, null, null, locale))
  }
  if (!response.ok) {
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      /* not JSON */
    }
    throw new ApiError(toProblem(response.status, body, response.headers.get('Retry-After'), locale))
  }
  const blob = await response.blob()
  const name = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? exportFileName(period, format)
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 1000)
  return name
}
