import { useI18n } from 'vue-i18n'
import type { Rate } from '@/api/oversightMetrics'
import { useNames } from '@/workbench/common/useNames'
import type { ChartWords } from './dashboardCharts'
import { percent } from './dashboardModel'

/** Names and sentences of rates, units, categories and channels for the analysis pages and their charts. */
export function useRateWords() {
  const { t, te } = useI18n()
  const names = useNames()

  const rateName = (name: string, fallback?: string) =>
    te(`sup.charts.rates.${name}`) ? t(`sup.charts.rates.${name}`) : (fallback ?? name)
  const channelName = (code: string) => (te(`sup.charts.channels.${code}`) ? t(`sup.charts.channels.${code}`) : code)
  const rateValue = (r: Rate | null | undefined) => percent(r?.rate) ?? t('sup.charts.noData')
  const rateDetail = (r: Rate | null | undefined) => {
    if (!r) return t('sup.charts.noData')
    const params = { rate: rateValue(r), numerator: r.numerator, denominator: r.denominator, pending: r.pending ?? 0 }
    return r.pending ? t('sup.charts.rateDetailPending', params) : t('sup.charts.rateDetail', params)
  }

  /** Two lines for narrow tables: "50.0%" and "1/2，待定 3". */
  const rateLines = (r: Rate | null | undefined) => {
    if (!r) return t('sup.charts.noData')
    const counts = `${r.numerator}/${r.denominator}`
    return `${rateValue(r)}\n${r.pending ? `${counts}${t('sup.charts.pendingSuffix', { n: r.pending })}` : counts}`
  }

  /** The reference name of a unit in the user's language; else the name the server gave; else the code. */
  const unitNamed = (code: string, given?: string | null) => {
    const n = names.unitName(code)
    return n && n !== code ? n : given || code
  }

  const words = (unitNames: Map<string, string> = new Map()): ChartWords => ({
    received: t('sup.charts.received'),
    closed: t('sup.charts.closed'),
    rateName: (n) => rateName(n),
    unitName: (code) => unitNamed(code, unitNames.get(code)),
    categoryName: (code) => names.categoryName(code),
    channelName,
    rateDetail,
    overdueCell: (unit, category, count) =>
      t('sup.charts.overdueCell', {
        unit: unitNamed(unit, unitNames.get(unit)),
        category: names.categoryName(category),
        count,
      }),
    channelCell: (channel, received, share) =>
      t('sup.charts.channelCell', { channel: channelName(channel), received, share: share ?? t('sup.charts.noData') }),
  })

  return { ...names, unitNamed, rateName, channelName, rateValue, rateDetail, rateLines, words }
}
