import { reactive, watch } from 'vue'

/**
 * The server's field errors of a form, each shown beside its item until that field changes. Fields are the draft's
 * keys, one level of nested objects as `party.name`.
 */
export function useServerErrors(draft: object) {
  const errors = reactive<Record<string, string>>({})
  const record = draft as Record<string, unknown>
  for (const key of Object.keys(record)) {
    const value = record[key]
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const nested = value as Record<string, unknown>
      for (const sub of Object.keys(nested)) {
        const field = `${key}.${sub}`
        watch(
          () => (record[key] as Record<string, unknown>)[sub],
          () => delete errors[field],
        )
      }
    } else {
      watch(
        () => record[key],
        () => delete errors[key],
      )
    }
  }
  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
  }
  function set(byField: Record<string, string>) {
    Object.assign(errors, byField)
  }
  return { errors, clear, set }
}
