import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Dashboard } from '@/api/oversightMetrics'
import type { DataColumn, DataRow } from '../common/DataTable.vue'
import { dailyOption, channelOption, overdueOption, unitRatesOption } from './dashboardCharts'
import {
  channelShares,
  dailyTotals,
  findRate,
  overdueMatrix,
  percent,
  sortUnits,
  unitRateSeries,
  UNIT_RATES,
} from './dashboardModel'
import { useRateWords } from './useRateWords'

/** The dashboard's charts and their tables (the same numbers), for the dashboard and the monthly report. */
export function useDashboardTables(dashboard: Ref<Dashboard | null>, sort: Ref<string>, compact = false) {
  const { t } = useI18n()
  const rw = useRateWords()

  const unitNames = computed(() => new Map((dashboard.value?.units ?? []).map((u) => [u.unit, u.unitName])))
  const unitName = (code: string) => rw.unitNamed(code, unitNames.value.get(code))
  const words = computed(() => rw.words(unitNames.value))

  // ---- totals ----
  const totalsColumns = computed<DataColumn[]>(() => [
    { key: 'name', label: t('sup.charts.metric') },
    { key: 'rate', label: t('sup.charts.value'), numeric: true },
    { key: 'numerator', label: t('sup.charts.numerator'), numeric: true },
    { key: 'denominator', label: t('sup.charts.denominator'), numeric: true },
    { key: 'pending', label: t('sup.charts.pendingColumn'), numeric: true },
  ])
  const totalsRows = computed<DataRow[]>(() =>
    (dashboard.value?.totals.rates ?? []).map((r) => ({
      key: r.name,
      cells: {
        name: rw.rateName(r.name, r.nameZh),
        rate: percent(r.rate) ?? t('sup.charts.noData'),
        numerator: r.numerator,
        denominator: r.denominator,
        pending: r.pending ?? '',
      },
    })),
  )

  // ---- daily ----
  const dailyChart = computed(() => dailyOption(dashboard.value?.daily ?? [], words.value))
  const dailyColumns = computed<DataColumn[]>(() => [
    { key: 'day', label: t('sup.charts.day') },
    { key: 'received', label: t('sup.charts.received'), numeric: true },
    { key: 'closed', label: t('sup.charts.closed'), numeric: true },
  ])
  const dailyRows = computed<DataRow[]>(() => {
    const daily = dashboard.value?.daily ?? []
    const totals = dailyTotals(daily)
    return [
      ...daily.map((d) => ({ key: d.day, cells: { day: d.day, received: d.received, closed: d.closed } })),
      { key: 'total', total: true, cells: { day: t('sup.charts.total'), received: totals.received, closed: totals.closed } },
    ]
  })

  // ---- per unit ----
  const unitSeries = computed(() => unitRateSeries(dashboard.value?.units ?? [], sort.value))
  const unitChart = computed(() => unitRatesOption(unitSeries.value, words.value))
  const unitChartHeight = computed(() => Math.max(220, 60 + unitSeries.value.units.length * 44))
  const unitColumns = computed<DataColumn[]>(() => [
    { key: 'unit', label: t('sup.charts.unit') },
    ...UNIT_RATES.map((r) => ({ key: r, label: rw.rateName(r), numeric: true })),
    { key: 'compositeScore', label: t('sup.charts.compositeScore'), numeric: true },
  ])
  const unitRows = computed<DataRow[]>(() =>
    sortUnits(dashboard.value?.units ?? [], sort.value).map((u) => ({
      key: u.unit,
      cells: {
        unit: unitName(u.unit),
        ...Object.fromEntries(
          UNIT_RATES.map((r) => [r, compact ? rw.rateLines(findRate(u.rates, r)) : rw.rateDetail(findRate(u.rates, r))]),
        ),
        compositeScore: u.compositeScore === null || u.compositeScore === undefined ? '' : u.compositeScore.toFixed(1),
      },
    })),
  )

  // ---- overdue ----
  const overdue = computed(() => overdueMatrix(dashboard.value?.overdue ?? []))
  const overdueChart = computed(() => overdueOption(overdue.value, words.value))
  const overdueChartHeight = computed(() => Math.max(200, 110 + overdue.value.units.length * 34))
  const overdueColumns = computed<DataColumn[]>(() => [
    { key: 'unit', label: t('sup.charts.unit') },
    ...overdue.value.categories.map((c) => ({ key: c, label: rw.categoryName(c), numeric: true })),
    { key: 'total', label: t('sup.charts.total'), numeric: true },
  ])
  const overdueRows = computed<DataRow[]>(() => {
    const m = overdue.value
    if (m.units.length === 0) return []
    return [
      ...m.units.map((u, y) => ({
        key: u,
        cells: {
          unit: unitName(u),
          ...Object.fromEntries(m.categories.map((c, x) => [c, m.counts[y][x]])),
          total: m.unitTotals[y],
        },
      })),
      {
        key: 'total',
        total: true,
        cells: {
          unit: t('sup.charts.total'),
          ...Object.fromEntries(m.categories.map((c, x) => [c, m.categoryTotals[x]])),
          total: m.total,
        },
      },
    ]
  })

  // ---- channels ----
  const shares = computed(() => channelShares(dashboard.value?.channels ?? []))
  const channelChart = computed(() => channelOption(shares.value, words.value, !compact))
  const channelColumns = computed<DataColumn[]>(() => [
    { key: 'channel', label: t('sup.charts.channel') },
    { key: 'received', label: t('sup.charts.received'), numeric: true },
    { key: 'share', label: t('sup.charts.share'), numeric: true },
  ])
  const channelRows = computed<DataRow[]>(() =>
    shares.value.map((c) => ({
      key: c.channel,
      cells: { channel: rw.channelName(c.channel), received: c.received, share: percent(c.share) ?? '' },
    })),
  )

  return {
    rw,
    unitName,
    totalsColumns,
    totalsRows,
    dailyChart,
    dailyColumns,
    dailyRows,
    unitSeries,
    unitChart,
    unitChartHeight,
    unitColumns,
    unitRows,
    overdue,
    overdueChart,
    overdueChartHeight,
    overdueColumns,
    overdueRows,
    shares,
    channelChart,
    channelColumns,
    channelRows,
  }
}
