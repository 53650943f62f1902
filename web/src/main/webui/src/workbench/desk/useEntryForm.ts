import { computed, nextTick, ref, shallowRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FormInstance } from 'element-plus'
import { isApiError } from '@/api/client'
import { mapFieldErrors, type Problem } from '@/api/problem'
import { explainProblem } from './problems'
import type { MatterDraft } from './requests'
import { useRoutingPreview } from './useRoutingPreview'
import { useServerErrors } from './useServerErrors'
import type { useDeskReference } from './useDeskReference'

export interface EntryFormOptions<R> {
  desk: ReturnType<typeof useDeskReference>
  /** The page's `<el-form ref="form">`. */
  form: Ref<FormInstance | undefined>
  /** The form's class: the first field in error (or the alert) takes the focus after a failed submit. */
  formClass: string
  /** More selectors (inside the form) that may take that focus, before the alert. */
  alsoFocus?: string[]
  /** The alert's title when the entry failed. */
  failedTitle: () => string
  /** The service's field names → the draft's, and the draft's fields a field error may name. */
  aliases: Record<string, string>
  fields: ReadonlySet<string>
  /** Checks beyond the form's rules: the alert's messages when they fail, else null. */
  check?: () => string[] | null
  send: () => Promise<{ data: R; status: number }>
  /** A problem the page explains itself (a conflict, a refused page): the alert's messages, else null. */
  explain?: (p: Problem, serverErrors: Record<string, string>) => string[] | null
  /** Empties the draft (and whatever else the page keeps) for the next entry. */
  reset: () => void
  /** The field that takes the focus for the next entry. */
  firstFieldId: string
}

/**
 * The life cycle of a desk's entry form (来电, 来信, 转办件): the routing suggestion beside it, validate, submit, the
 * server's field errors beside their items, the alert, the receipt, and the next entry.
 */
export function useEntryForm<D extends MatterDraft, R>(draft: D, options: EntryFormOptions<R>) {
  const { t } = useI18n()
  const { desk, form } = options
  // a server error disappears as soon as its field changes
  const { errors: serverErrors, clear: clearServerErrors, set: setServerErrors } = useServerErrors(draft)
  const alertTitle = ref('')
  const alertMessages = ref<string[]>([])
  const submitting = ref(false)
  const receipt = shallowRef<(R & { repeated: boolean }) | null>(null)

  const preview = useRoutingPreview(draft, (p) => desk.learn([p, ...p.alternatives]))
  const accusedUnitName = computed(() => (draft.accusedUnit ? desk.unitName(draft.accusedUnit) : undefined))
  function chooseCategory(code: string) {
    draft.categoryHint = code
  }
  /** SuggestionPanel's props for this draft (with `@choose="chooseCategory" @retry="preview.retry"`). */
  const suggestion = computed(() => ({
    proposal: preview.proposal.value,
    state: preview.state.value,
    error: preview.error.value,
    unitName: desk.unitName,
    accusedUnitName: accusedUnitName.value,
    chosenCategory: draft.categoryHint,
    canChoose: true,
  }))

  async function focusFirstError() {
    await nextTick()
    const scope = `.${options.formClass}`
    const selectors = [
      `${scope} .is-error input`,
      `${scope} .is-error textarea`,
      ...(options.alsoFocus ?? []).map((s) => `${scope} ${s}`),
      '.form-alert',
    ]
    const el = document.querySelector<HTMLElement>(selectors.join(', '))
    el?.focus()
    el?.scrollIntoView({ block: 'center' })
  }

  function explain(p: Problem): string[] {
    const own = options.explain?.(p, serverErrors)
    if (own) return own
    const { byField, others } = mapFieldErrors(p.fieldErrors, options.aliases, (f) => options.fields.has(f))
    setServerErrors(byField)
    if (Object.keys(byField).length > 0) return [t('errors.fixFields'), ...others]
    return others.length ? others : [explainProblem(p, t)]
  }

  async function submit() {
    alertMessages.value = []
    alertTitle.value = options.failedTitle()
    const valid = await form.value?.validate().catch(() => false)
    const checkMessages = options.check?.() ?? null
    if (checkMessages) alertMessages.value = checkMessages
    if (!valid || checkMessages) {
      await focusFirstError()
      return
    }
    submitting.value = true
    try {
      const sent = await options.send()
      receipt.value = { ...sent.data, repeated: sent.status === 200 }
    } catch (e) {
      if (!isApiError(e)) throw e
      alertMessages.value = explain(e.problem)
      await focusFirstError()
    } finally {
      submitting.value = false
    }
  }

  async function next() {
    receipt.value = null
    options.reset()
    clearServerErrors()
    preview.clear()
    alertMessages.value = []
    await nextTick()
    form.value?.clearValidate()
    document.getElementById(options.firstFieldId)?.focus()
  }

  return {
    serverErrors,
    alertTitle,
    alertMessages,
    submitting,
    receipt,
    preview,
    suggestion,
    chooseCategory,
    submit,
    next,
  }
}
