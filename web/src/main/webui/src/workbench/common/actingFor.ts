import { ref } from 'vue'
import type { Query } from '@/api/client'

/**
 * The unit a coordinator (协调) acts for, as that unit's handler would, while the unit has no account of its own.
 * Null for everybody else (and for a coordinator who only looks at every unit's queue). Kept for the browser tab.
 */
const STORAGE_KEY = 'openysb.actingFor'

function initial(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

export const actingFor = ref<string | null>(initial())

export function setActingFor(code: string | null): void {
  actingFor.value = code || null
  try {
    if (code) sessionStorage.setItem(STORAGE_KEY, code)
    else sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    // not remembered; fine
  }
}

/** The query parameters that make a supervision call act for the chosen unit. */
export function actingQuery(extra: Query = {}): Query {
  return actingFor.value ? { ...extra, actingFor: actingFor.value } : extra
}

/** Whether the user may act for a unit: a coordinator who is not a handler of a unit of their own. */
export function canActFor(roles: readonly string[]): boolean {
  return roles.includes('coordinator') && !roles.includes('handler')
}
