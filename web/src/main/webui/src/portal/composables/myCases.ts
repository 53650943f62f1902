import { ref } from 'vue'
import { intake } from '@/api/endpoints'
import { isApiError } from '@/api/client'
import type { Problem } from '@/api/problem'
import type { CaseTracking } from '@/api/types'

/** The signed-in user's cases, shared by the list and the detail page (fed from the list item). */
const cases = ref<CaseTracking[] | null>(null)
const problem = ref<Problem | null>(null)
const loading = ref(false)

async function load(force = false) {
  if (cases.value && !force) return
  loading.value = true
  problem.value = null
  try {
    cases.value = await intake.mine()
  } catch (e) {
    if (!isApiError(e)) throw e
    problem.value = e.problem
  } finally {
    loading.value = false
  }
}

export function useMyCases() {
  return { cases, problem, loading, load }
}
