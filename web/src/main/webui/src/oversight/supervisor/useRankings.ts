import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@/api/client'
import { oversightMetrics, type Rankings } from '@/api/oversightMetrics'
import type { DataColumn, DataRow } from '../common/DataTable.vue'
import { problemText } from '../common/problemText'
import { rankingsView } from './rankingsModel'
import { useRateWords } from './useRateWords'

/** The rankings of a month or quarter, and the table of the units not ranked. */
export function useRankings(period: Ref<string>) {
  const { t } = useI18n()
  const rw = useRateWords()
  const rankings = shallowRef<Rankings | null>(null)
  const loading = ref(false)
  const error = ref('')
  let controller: AbortController | null = null

  async function load() {
    controller?.abort()
    const c = new AbortController()
    controller = c
    loading.value = true
    error.value = ''
    try {
      rankings.value = await oversightMetrics.rankings(period.value, c.signal)
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return
      if (!isApiError(e)) throw e
      rankings.value = null
      error.value = problemText(e.problem, t, 'sup.charts.notAvailable')
    } finally {
      if (controller === c) loading.value = false
    }
  }
  watch(period, load, { immediate: true })

  const view = computed(() => (rankings.value ? rankingsView(rankings.value) : null))
  const notRankedColumns = computed<DataColumn[]>(() => [
    { key: 'unit', label: t('sup.rankings.unit') },
    { key: 'assignments', label: t('sup.rankings.assignments'), numeric: true },
    { key: 'decided', label: t('sup.rankings.decided'), numeric: true },
    { key: 'rated', label: t('sup.rankings.rated'), numeric: true },
    { key: 'reason', label: t('sup.rankings.reason') },
  ])
  const notRankedRows = computed<DataRow[]>(() =>
    (view.value?.notRanked ?? []).map((n) => ({
      key: n.unit,
      cells: {
        unit: rw.unitNamed(n.unit, n.unitName),
        assignments: n.assignments,
        decided: n.decided,
        rated: n.rated,
        reason: n.reason === 'INSUFFICIENT_DATA' ? t('sup.rankings.insufficient') : n.reason,
      },
    })),
  )
  const weightsText = computed(() => (view.value?.weights ? t('sup.rankings.weights', { ...view.value.weights }) : ''))

  return { rankings, view, loading, error, load, notRankedColumns, notRankedRows, weightsText }
}
