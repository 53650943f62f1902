import type { ClueKind } from '@/api/oversightInspect'
import { OV_PALETTE, type OvChartOption } from '../common/chartTypes'
import type { KindMonthTable } from './inspect'

/** ECharts options of the inaction page, from the tables the page also shows (same numbers). */

export function trendOption(table: KindMonthTable, kindName: (k: ClueKind) => string): OvChartOption {
  return {
    color: OV_PALETTE,
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: table.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: table.kinds.map((k, i) => ({
      type: 'line' as const,
      name: kindName(k),
      data: table.months.map((m) => table.counts[m][k]),
      symbol: ['circle', 'rect', 'triangle', 'diamond', 'pin'][i % 5],
      symbolSize: 8,
    })),
  }
}

export function unitOption(
  units: { unitName: string; counts: Record<string, number> }[],
  kinds: ClueKind[],
  kindName: (k: ClueKind) => string,
): OvChartOption {
  const shown = [...units].reverse() // the most first, at the top
  return {
    color: OV_PALETTE,
    aria: { enabled: true, decal: { show: true } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 20, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((u) => u.unitName) },
    series: kinds.map((k) => ({
      type: 'bar' as const,
      name: kindName(k),
      stack: 'clues',
      data: shown.map((u) => u.counts[k] ?? 0),
    })),
  }
}
