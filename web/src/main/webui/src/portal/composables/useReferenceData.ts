import { ref } from 'vue'
import { intake } from '@/api/endpoints'
import { isApiError } from '@/api/client'
import type { Problem } from '@/api/problem'
import type { ReferenceData } from '@/api/types'

let cached: Promise<ReferenceData> | null = null

/** Types, districts, units and attachment limits, loaded once per page load. */
export function useReferenceData() {
  const data = ref<ReferenceData | null>(null)
  const problem = ref<Problem | null>(null)
  const loading = ref(true)

  async function load() {
    loading.value = true
    problem.value = null
    if (!cached) cached = intake.referenceData()
    try {
      data.value = await cached
    } catch (e) {
      cached = null
      if (!isApiError(e)) throw e
      problem.value = e.problem
    } finally {
      loading.value = false
    }
  }

  void load()
  return { data, problem, loading, reload: load }
}
