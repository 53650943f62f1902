import type { Rankings, RankingEntry } from '@/api/oversightMetrics'
import { isRankingPeriod, shiftMonth } from '../common/period'

/** The period of the rankings page from the address: yyyy-MM or yyyy-Qn, else last month (the last complete one). */
export function readRankingPeriod(value: unknown, today: string): string {
  const v = Array.isArray(value) ? value[0] : value
  return isRankingPeriod(v) ? v : shiftMonth(today, -1)
}

export const isQuarter = (period: string) => period.includes('-Q')

/** A score in points of 100 with one decimal; null → null. */
export function score(value: number | null | undefined): string | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null
  return value.toFixed(1)
}

/** The score interval "85.0 – 95.1", or null when the server gave none. */
export function scoreInterval(e: Pick<RankingEntry, 'scoreLow' | 'scoreHigh'>): [string, string] | null {
  const low = score(e.scoreLow)
  const high = score(e.scoreHigh)
  return low !== null && high !== null ? [low, high] : null
}

/** The ranks the numbers allow: [low, high] (best, worst), or null when the server gave none or it is the rank itself. */
export function rankRange(e: Pick<RankingEntry, 'rank' | 'rankLow' | 'rankHigh'>): [number, number] | null {
  if (e.rankLow === null || e.rankLow === undefined || e.rankHigh === null || e.rankHigh === undefined) return null
  if (e.rankLow === e.rankHigh) return null
  return [e.rankLow, e.rankHigh]
}

/** What the page shows of an answer; older servers leave out weights and the not-ranked units. */
export function rankingsView(r: Rankings) {
  return {
    ranked: [...r.ranking].sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit)),
    notRanked: [...(r.notRanked ?? [])].sort((a, b) => b.assignments - a.assignments || a.unit.localeCompare(b.unit)),
    red: r.redList ?? [],
    black: r.blackList ?? [],
    weights: r.weights ?? null,
    minDecided: r.minDecided ?? null,
  }
}
