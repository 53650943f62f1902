import type { DashboardDay, Rate } from '@/api/oversightMetrics'
import { OV_PALETTE, type OvChartOption } from '../common/chartTypes'
import { percent, type ChannelShare, type OverdueMatrix, type UnitRateSeries } from './dashboardModel'

/** The words the charts need, already in the user's language. */
export interface ChartWords {
  received: string
  closed: string
  rateName: (name: string) => string
  unitName: (code: string) => string
  categoryName: (code: string) => string
  channelName: (code: string) => string
  /** "50.0%（1/2，待定 3）" or "无数据（0/0，待定 3）" */
  rateDetail: (r: Rate | null) => string
  overdueCell: (unit: string, category: string, count: number) => string
  channelCell: (channel: string, received: number, share: string | null) => string
}

const grid = { left: 8, right: 24, top: 40, bottom: 8, containLabel: true }

/** Received and closed per day (line). */
export function dailyOption(daily: readonly DashboardDay[], w: ChartWords): OvChartOption {
  return {
    color: [OV_PALETTE[0], OV_PALETTE[2]],
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: daily.map((d) => d.day.slice(5)), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: w.received, type: 'line', data: daily.map((d) => d.received), symbol: 'circle', symbolSize: 5 },
      { name: w.closed, type: 'line', data: daily.map((d) => d.closed), symbol: 'rect', symbolSize: 5, lineStyle: { type: 'dashed' } },
    ],
  }
}

/** Per-unit rates as grouped horizontal bars, the first unit at the top; the tooltip gives numerator, denominator, pending. */
export function unitRatesOption(s: UnitRateSeries, w: ChartWords): OvChartOption {
  const reversed = [...s.units].reverse()
  const n = s.units.length
  return {
    color: OV_PALETTE,
    aria: { enabled: true },
    legend: { top: 0 },
    grid,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number; seriesIndex: number; marker: string }[]
        if (list.length === 0) return ''
        const index = n - 1 - list[0].dataIndex
        const lines = list.map((p) => {
          const series = s.series[p.seriesIndex]
          return `${p.marker}${escapeHtml(w.rateName(series.rate))}：${escapeHtml(w.rateDetail(series.rates[index]))}`
        })
        return [`<b>${escapeHtml(w.unitName(s.units[index]))}</b>`, ...lines].join('<br>')
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: reversed.map((u) => w.unitName(u)), axisLabel: { width: 150, overflow: 'truncate' } },
    series: s.series.map((x) => ({
      name: w.rateName(x.rate),
      type: 'bar' as const,
      data: [...x.values].reverse(),
      barMaxWidth: 10,
    })),
  }
}

/** Open overdue cases, unit × category (heat map; the number in each cell). */
export function overdueOption(m: OverdueMatrix, w: ChartWords): OvChartOption {
  return {
    aria: { enabled: true },
    tooltip: {
      formatter: (p: unknown) => {
        const v = (p as { value: [number, number, number] }).value
        return escapeHtml(w.overdueCell(m.units[v[1]], m.categories[v[0]], v[2]))
      },
    },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      data: m.categories.map((c) => w.categoryName(c)),
      axisLabel: { interval: 0, rotate: 30, width: 110, overflow: 'truncate' },
      splitArea: { show: true },
    },
    // the most overdue unit at the top
    yAxis: { type: 'category', inverse: true, data: m.units.map((u) => w.unitName(u)), axisLabel: { width: 150, overflow: 'truncate' } },
    visualMap: {
      text: [String(Math.max(1, m.max)), '0'],
      min: 0,
      max: Math.max(1, m.max),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#fff4e5', '#f5a524', '#b3261e'] },
    },
    series: [{ type: 'heatmap', data: m.cells, label: { show: true, color: '#111' } }],
  }
}

/** Channel mix (pie with the share in each label). */
export function channelOption(shares: readonly ChannelShare[], w: ChartWords, labels = true): OvChartOption {
  return {
    color: OV_PALETTE,
    aria: { enabled: true, decal: { show: true } },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const i = (p as { dataIndex: number }).dataIndex
        const c = shares[i]
        return escapeHtml(w.channelCell(c.channel, c.received, percent(c.share)))
      },
    },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: {
          show: labels,
          formatter: (p: unknown) => {
            const c = shares[(p as { dataIndex: number }).dataIndex]
            return `${w.channelName(c.channel)}\n${c.received}（${percent(c.share) ?? ''}）`
          },
        },
        data: shares.map((c) => ({ name: w.channelName(c.channel), value: c.received })),
      },
    ],
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
}
