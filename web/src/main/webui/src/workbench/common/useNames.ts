import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { NamedCode } from '@/api/types'
import type { WorkbenchReferenceData } from '@/api/handler'
import { useReferenceData } from '@/portal/composables/useReferenceData'
import { nameIndex, nameOf } from './names'
import './i18n'

/**
 * Names of units, districts, categories and complaint types for codes, from complaint-intake's reference data
 * (loaded once per page load and shared with the portal). A code without a name shows as itself.
 */
export function useNames() {
  const { t, te, locale } = useI18n()
  const reference = useReferenceData()
  const data = computed(() => reference.data.value as WorkbenchReferenceData | null)
  const english = computed(() => locale.value === 'en')
  const units = computed(() => nameIndex(data.value?.units))
  const districts = computed(() => nameIndex(data.value?.districts))
  const categories = computed(() => nameIndex(data.value?.categories))
  const categoryList = computed<NamedCode[]>(() => data.value?.categories ?? [])

  return {
    loading: reference.loading,
    categoryList,
    unitName: (code: string | null | undefined) => nameOf(units.value, code, english.value),
    /** Like unitName, but says so when the code is not a known unit. */
    unitLabel: (code: string | null | undefined) => {
      if (!code) return ''
      const n = units.value.get(code)
      if (n) return nameOf(units.value, code, english.value)
      return data.value ? t('wbCommon.unknownUnit', { code }) : code
    },
    districtName: (code: string | null | undefined) =>
      code === 'city' ? (english.value ? 'City-wide' : '全市') : nameOf(districts.value, code, english.value),
    categoryName: (code: string | null | undefined) => nameOf(categories.value, code, english.value),
    typeName: (code: string | null | undefined) => (code && te(`types.${code}`) ? t(`types.${code}`) : (code ?? '')),
  }
}
