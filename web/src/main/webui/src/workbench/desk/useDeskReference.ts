import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@/api/client'
import { deskRouting, type Matrix, type MatrixRow, type RoutingUnit } from '@/api/desk'
import type { Problem } from '@/api/problem'
import type { NamedCode, ReferenceData } from '@/api/types'
import { hasAnyRole } from '@/auth/roles'
import { session } from '@/auth/session'
import { useReferenceData } from '@/portal/composables/useReferenceData'

/** Reference data with the matrix's categories (complaint-intake adds them; src/api/types.ts does not know them yet). */
type WithCategories = ReferenceData & { categories?: NamedCode[] }

/** Roles that may read the responsibility matrix and the routing units (case-routing's MatrixResource). */
export const MATRIX_ROLES = ['dispatcher', 'coordinator', 'admin'] as const

export interface Category {
  code: string
  name: string
  nameEn: string | null
}

/** The categories of a matrix, each once, named by its city-wide row when there is one. */
export function categoriesOf(rows: readonly MatrixRow[]): Category[] {
  const byCode = new Map<string, Category & { city: boolean }>()
  for (const r of rows) {
    const city = r.scope === 'city'
    const known = byCode.get(r.category)
    if (!known || (city && !known.city)) byCode.set(r.category, { code: r.category, name: r.nameZh, nameEn: r.nameEn, city })
  }
  return [...byCode.values()].map(({ city: _city, ...c }) => c)
}

/**
 * What the desk forms choose from: complaint-intake's reference data (types, districts, units, categories, attachment
 * limits), the responsibility matrix's categories for those allowed to read it, and the categories routing previews
 * have named (`learn`).
 */
export function useDeskReference() {
  const { locale } = useI18n()
  const reference = useReferenceData()
  const matrix = ref<Matrix | null>(null)
  const learned = ref<Category[]>([])
  const matrixAllowed = computed(() => hasAnyRole(session.roles, MATRIX_ROLES))

  async function loadMatrix() {
    if (!matrixAllowed.value) return
    try {
      matrix.value = await deskRouting.matrix()
    } catch (e) {
      if (!isApiError(e)) throw e
      matrix.value = null
    }
  }
  void loadMatrix()

  const categories = computed<Category[]>(() => {
    // complaint-intake's reference data names the matrix's categories (since it has `categories`), the matrix itself
    // is readable only by dispatchers; what previews named fills in for an older service
    const fromReference = ((reference.data.value as WithCategories | null)?.categories ?? []).map((c) => ({
      code: c.code,
      name: c.name,
      nameEn: c.nameEn ?? null,
    }))
    const fromMatrix = matrix.value ? categoriesOf(matrix.value.rows) : []
    const out: Category[] = []
    const seen = new Set<string>()
    for (const c of [...fromReference, ...fromMatrix, ...learned.value]) {
      if (!seen.has(c.code)) {
        seen.add(c.code)
        out.push(c)
      }
    }
    return out
  })

  function learn(list: { category: string; categoryName: string }[]) {
    const next = [...learned.value]
    for (const c of list) {
      if (c.category && !next.some((k) => k.code === c.category)) {
        next.push({ code: c.category, name: c.categoryName || c.category, nameEn: null })
      }
    }
    if (next.length !== learned.value.length) learned.value = next
  }

  const english = computed(() => locale.value === 'en')
  const localName = (n: NamedCode | Category) => (english.value && n.nameEn ? n.nameEn : n.name)

  function unitName(code: string | null | undefined): string {
    if (!code) return ''
    const u = reference.data.value?.units.find((x) => x.code === code)
    return u ? localName(u) : code
  }
  function districtName(code: string | null | undefined): string {
    if (!code) return ''
    const d = reference.data.value?.districts.find((x) => x.code === code)
    return d ? localName(d) : code
  }
  function categoryName(code: string | null | undefined): string {
    if (!code) return ''
    const c = categories.value.find((x) => x.code === code)
    return c ? localName(c) : code
  }

  return { reference, matrix, categories, learn, localName, unitName, districtName, categoryName }
}

/** A routing unit's name in the user's language. */
export function routingUnitName(units: readonly RoutingUnit[], code: string | null | undefined, english: boolean): string {
  if (!code) return ''
  const u = units.find((x) => x.code === code)
  if (!u) return code
  return english && u.nameEn ? u.nameEn : u.nameZh
}

/**
 * The routing units and the matrix in force, for the dispatcher's and coordinator's pages (both readable by
 * dispatcher, coordinator and admin).
 */
export function useRoutingReference() {
  const units = ref<RoutingUnit[]>([])
  const matrix = ref<Matrix | null>(null)
  const loading = ref(true)
  const problem = ref<Problem | null>(null)

  async function load() {
    loading.value = true
    problem.value = null
    try {
      const [u, m] = await Promise.all([deskRouting.units(), deskRouting.matrix()])
      units.value = u
      matrix.value = m
    } catch (e) {
      if (!isApiError(e)) throw e
      problem.value = e.problem
    } finally {
      loading.value = false
    }
  }
  void load()
  const rows = computed(() => matrix.value?.rows ?? [])
  return { units, matrix, rows, loading, problem, reload: load }
}

/**
 * Names in the user's language for the routing desks: routing units, the matrix's categories (none: "—"), and, given
 * complaint-intake's reference data, districts.
 */
export function useRoutingNames(
  routing: ReturnType<typeof useRoutingReference>,
  intake?: ReturnType<typeof useReferenceData>,
) {
  const { t, locale } = useI18n()
  const english = computed(() => locale.value === 'en')
  const unitName = (code: string | null | undefined) => (code ? routingUnitName(routing.units.value, code, english.value) : '')
  const categoryName = (code: string | null) => {
    if (!code) return t('common.none')
    const row = routing.rows.value.find((r) => r.category === code)
    return row ? (english.value && row.nameEn ? row.nameEn : row.nameZh) : code
  }
  const districtName = (code: string) => {
    const d = intake?.data.value?.districts.find((x) => x.code === code)
    return d ? (english.value && d.nameEn ? d.nameEn : d.name) : code
  }
  return { english, unitName, categoryName, districtName }
}
