import { nextTick, reactive, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FormInstance } from 'element-plus'
import { isApiError } from '@/api/client'
import type { Problem } from '@/api/problem'
import { decisionField, emptyDecision } from './decision'
import { explainProblem } from './problems'

export interface SendOptions {
  /** Problem slugs or statuses of a case that left the list (409, 404) → the page's text keys. */
  stale: Record<string, string>
  /** The case left the list: read it again. */
  onStale: () => void
  /** A problem the page explains itself: the alert's messages, else null. */
  explain?: (p: Problem) => string[] | null
}

/**
 * The routing decision form of 人工派单 and 退单仲裁: lead, co-units, category and reason, the service's field errors
 * beside their items, the alert, and the sending state. `formRef`: the page's `<el-form ref="formRef">`.
 */
export function useDecisionForm(formRef: Ref<FormInstance | undefined>) {
  const { t } = useI18n()
  const decision = reactive(emptyDecision())
  const fieldErrors = reactive<Record<string, string>>({})
  const alertMessages = ref<string[]>([])
  const sending = ref(false)

  /** A fresh decision for another case. */
  function clear() {
    Object.assign(decision, emptyDecision())
    for (const k of Object.keys(fieldErrors)) delete fieldErrors[k]
    alertMessages.value = []
  }

  /** Once the form shows: no rule's message left over, the focus on the panel's heading. */
  async function showForm(headingId: string) {
    await nextTick()
    formRef.value?.clearValidate()
    document.getElementById(headingId)?.focus()
  }

  async function validate(): Promise<boolean> {
    return (await formRef.value?.validate().catch(() => false)) ?? false
  }

  async function send(run: () => Promise<void>, options: SendOptions) {
    sending.value = true
    try {
      await run()
    } catch (e) {
      if (!isApiError(e)) throw e
      const p = e.problem
      const own = options.explain?.(p)
      if (own) {
        alertMessages.value = own
      } else if (p.status === 409 || p.status === 404) {
        alertMessages.value = [explainProblem(p, t, options.stale)]
        options.onStale()
      } else if (Object.keys(p.fieldErrors).length) {
        for (const [f, m] of Object.entries(p.fieldErrors)) fieldErrors[decisionField(f)] = m
        alertMessages.value = [t('errors.fixFields')]
      } else {
        alertMessages.value = [explainProblem(p, t)]
      }
    } finally {
      sending.value = false
    }
  }

  return { decision, fieldErrors, alertMessages, sending, clear, showForm, validate, send }
}
