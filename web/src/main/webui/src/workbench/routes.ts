import type { RouteRecordRaw } from 'vue-router'
import { WORKBENCH_ROLES } from '@/auth/roles'

export const HANDLER_ROLES = ['handler', 'coordinator'] as const
export const OPERATOR_ROLES = ['hotline-operator'] as const
export const CLERK_ROLES = ['letter-clerk'] as const
export const DISPATCH_ROLES = ['dispatcher', 'coordinator'] as const
export const ARBITRATION_ROLES = ['coordinator'] as const

/**
 * The workbench (工作台): one layout, one page per job. Every page is its own chunk, loaded only under /workbench.
 * `meta.roles` decides both the side navigation and the access check in the layout.
 */
export const workbenchRoutes: RouteRecordRaw = {
  path: '/workbench',
  component: () => import('./WorkbenchLayout.vue'),
  meta: { title: 'titles.workbench', roles: WORKBENCH_ROLES },
  children: [
    {
      path: '',
      name: 'workbench',
      component: () => import('./WorkbenchHome.vue'),
      meta: { title: 'titles.workbench', roles: WORKBENCH_ROLES },
    },
    {
      path: 'queue',
      name: 'wb-queue',
      component: () => import('./handler/QueuePage.vue'),
      meta: { title: 'titles.wbQueue', roles: HANDLER_ROLES, nav: 'handler' },
    },
    {
      path: 'cases/:caseNumber',
      name: 'wb-case',
      component: () => import('./handler/CasePage.vue'),
      meta: { title: 'titles.wbCase', roles: HANDLER_ROLES },
    },
    {
      path: 'hotline',
      name: 'wb-hotline',
      component: () => import('./desk/HotlinePage.vue'),
      meta: { title: 'titles.wbHotline', roles: OPERATOR_ROLES, nav: 'operator' },
    },
    {
      path: 'follow-ups',
      name: 'wb-follow-ups',
      component: () => import('./desk/PhoneFollowUpPage.vue'),
      meta: { title: 'titles.wbFollowUps', roles: OPERATOR_ROLES, nav: 'operator' },
    },
    {
      path: 'imports',
      name: 'wb-imports',
      component: () => import('./desk/ImportPage.vue'),
      meta: { title: 'titles.wbImports', roles: OPERATOR_ROLES, nav: 'operator' },
    },
    {
      path: 'letters',
      name: 'wb-letters',
      component: () => import('./desk/LetterPage.vue'),
      meta: { title: 'titles.wbLetters', roles: CLERK_ROLES, nav: 'clerk' },
    },
    {
      path: 'referrals',
      name: 'wb-referrals',
      component: () => import('./desk/ReferralPage.vue'),
      meta: { title: 'titles.wbReferrals', roles: CLERK_ROLES, nav: 'clerk' },
    },
    {
      path: 'dispatch',
      name: 'wb-dispatch',
      component: () => import('./desk/DispatchPage.vue'),
      meta: { title: 'titles.wbDispatch', roles: DISPATCH_ROLES, nav: 'dispatcher' },
    },
    {
      path: 'arbitration',
      name: 'wb-arbitration',
      component: () => import('./desk/ArbitrationPage.vue'),
      meta: { title: 'titles.wbArbitration', roles: ARBITRATION_ROLES, nav: 'dispatcher' },
    },
    {
      path: 'search',
      name: 'wb-search',
      component: () => import('./desk/CaseSearchPage.vue'),
      meta: { title: 'titles.wbSearch', roles: DISPATCH_ROLES, nav: 'dispatcher' },
    },
  ],
}
