/** Realm roles (deploy/keycloak/openysb-realm.json) and the user areas they open. */
export const PORTAL_ROLES = ['citizen', 'enterprise'] as const
export const WORKBENCH_ROLES = ['hotline-operator', 'letter-clerk', 'dispatcher', 'coordinator', 'handler'] as const
export const OVERSIGHT_ROLES = ['supervisor', 'inspector', 'coordinator', 'admin'] as const

export function hasAnyRole(roles: readonly string[], wanted: readonly string[] | undefined): boolean {
  if (!wanted || wanted.length === 0) return true
  return wanted.some((r) => roles.includes(r))
}
