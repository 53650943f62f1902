import type { Rate } from '@/api/types'

/** 0.9345 → "93.4%"; null (denominator 0) → null. */
export function percent(rate: number | null | undefined): string | null {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return null
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

export function rateValue(r: Rate | null | undefined): number | null {
  if (!r || r.rate === null || r.rate === undefined) return null
  return Math.round(r.rate * 1000) / 10
}
