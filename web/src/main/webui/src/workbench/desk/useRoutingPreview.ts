import { computed, onBeforeUnmount, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@/api/client'
import { deskRouting, type PreviewRequest, type RoutingProposal } from '@/api/desk'
import { buildPreviewRequest, previewKey, type MatterDraft } from './requests'
import { createPreviewScheduler } from './previewScheduler'
import { explainProblem } from './problems'

export const PREVIEW_DELAY_MS = 600

/**
 * The routing suggestion of a form being typed (POST /api/routing/preview): asked 600 ms after content, title,
 * district, type, category hint or accused unit last changed, the request for older input aborted. After a 403 it
 * stops asking until `retry`.
 */
export function useRoutingPreview(draft: MatterDraft, onProposal?: (p: RoutingProposal) => void) {
  const { t } = useI18n()
  const proposal = ref<RoutingProposal | null>(null)
  const state = ref<'idle' | 'pending' | 'ready' | 'error'>('idle')
  const error = ref('')
  let refused = false

  const scheduler = createPreviewScheduler<PreviewRequest | null, RoutingProposal>({
    delay: PREVIEW_DELAY_MS,
    key: previewKey,
    run: (request, signal) => deskRouting.preview(request as PreviewRequest, signal),
    onPending: (pending) => {
      if (pending) state.value = 'pending'
    },
    onResult: (output) => {
      proposal.value = output
      state.value = output ? 'ready' : 'idle'
      if (output) onProposal?.(output)
    },
    onError: (e) => {
      state.value = 'error'
      if (!isApiError(e)) {
        error.value = t('desk.suggestion.failed', { reason: String(e) })
        return
      }
      if (e.problem.status === 403) refused = true
      error.value = explainProblem(e.problem, t, { '403': 'desk.suggestion.forbidden', '400': 'desk.suggestion.invalid' })
    },
  })

  const request = computed(() => buildPreviewRequest(draft))
  watch(
    () => previewKey(request.value),
    () => {
      if (!refused) scheduler.update(request.value)
    },
    { immediate: true },
  )
  onBeforeUnmount(() => scheduler.cancel())

  function retry() {
    refused = false
    scheduler.update(request.value)
    scheduler.refresh()
  }

  /** Forget the suggestion (the form was reset). */
  function clear() {
    proposal.value = null
    state.value = 'idle'
  }

  return { proposal, state, error, retry, clear }
}
