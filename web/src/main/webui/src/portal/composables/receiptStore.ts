import { shallowRef } from 'vue'
import type { SubmitComplaintResponse } from '@/api/types'

/** The receipt of the complaint just filed; kept in memory only (and in the history entry's state). */
export interface Receipt extends SubmitComplaintResponse {
  type: string
  urgent: boolean
  title: string
}

export const lastReceipt = shallowRef<Receipt | null>(null)

export function readReceipt(): Receipt | null {
  if (lastReceipt.value) return lastReceipt.value
  const state = window.history.state as { receipt?: Receipt } | null
  return state?.receipt ?? null
}
