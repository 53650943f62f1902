import { ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@/api/client'
import { explainProblem } from './problems'

/**
 * What a desk page reads from a service, with its loading state and, when the last read failed, the sentence that
 * explains why (the data read before stays).
 */
export function useRemoteData<T, A extends unknown[]>(read: (...args: A) => Promise<T>) {
  const { t } = useI18n()
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = ref('')

  async function load(...args: A) {
    loading.value = true
    error.value = ''
    try {
      data.value = await read(...args)
    } catch (e) {
      if (!isApiError(e)) throw e
      error.value = explainProblem(e.problem, t)
    } finally {
      loading.value = false
    }
  }
  return { data, loading, error, load }
}
