import type { RouteRecordRaw } from 'vue-router'
import { OVERSIGHT_ROLES } from '@/auth/roles'

export const ANALYSIS_ROLES = ['supervisor', 'inspector', 'coordinator', 'admin'] as const
export const SUPERVISOR_ROLES = ['supervisor'] as const
export const SUPERVISOR_DESK_ROLES = ['supervisor', 'admin'] as const
export const INSPECTOR_ROLES = ['inspector', 'admin'] as const
export const TRAIL_ROLES = ['inspector', 'supervisor', 'admin'] as const
export const ADMIN_ROLES = ['admin'] as const

/**
 * 督办监督: one layout for supervisors (督办), discipline inspectors (纪检监察) and administrators. Every page is its own
 * chunk, loaded only under /oversight; `meta.nav` groups the side navigation, `meta.roles` decides who sees a page.
 */
export const oversightRoutes: RouteRecordRaw = {
  path: '/oversight',
  component: () => import('./OversightLayout.vue'),
  meta: { title: 'titles.oversight', roles: OVERSIGHT_ROLES },
  children: [
    {
      path: '',
      name: 'oversight',
      component: () => import('./OversightHome.vue'),
      meta: { title: 'titles.oversight', roles: OVERSIGHT_ROLES },
    },
    {
      path: 'dashboard',
      name: 'ov-dashboard',
      component: () => import('./supervisor/DashboardPage.vue'),
      meta: { title: 'titles.ovDashboard', roles: ANALYSIS_ROLES, nav: 'supervisor' },
    },
    {
      path: 'rankings',
      name: 'ov-rankings',
      component: () => import('./supervisor/RankingsPage.vue'),
      meta: { title: 'titles.ovRankings', roles: ANALYSIS_ROLES, nav: 'supervisor' },
    },
    {
      path: 'approvals',
      name: 'ov-approvals',
      component: () => import('./supervisor/ApprovalsPage.vue'),
      meta: { title: 'titles.ovApprovals', roles: SUPERVISOR_DESK_ROLES, nav: 'supervisor' },
    },
    {
      path: 'overdue',
      name: 'ov-overdue',
      component: () => import('./supervisor/OverduePage.vue'),
      meta: { title: 'titles.ovOverdue', roles: SUPERVISOR_DESK_ROLES, nav: 'supervisor' },
    },
    {
      path: 'dissatisfied',
      name: 'ov-dissatisfied',
      component: () => import('./supervisor/DissatisfiedPage.vue'),
      meta: { title: 'titles.ovDissatisfied', roles: SUPERVISOR_DESK_ROLES, nav: 'supervisor' },
    },
    {
      path: 'report',
      name: 'ov-report',
      component: () => import('./supervisor/MonthlyReportPage.vue'),
      meta: { title: 'titles.ovReport', roles: ANALYSIS_ROLES, nav: 'supervisor' },
    },
    {
      path: 'clues',
      name: 'ov-clues',
      component: () => import('./inspector/CluesPage.vue'),
      meta: { title: 'titles.ovClues', roles: INSPECTOR_ROLES, nav: 'inspector' },
    },
    {
      path: 'clues/:id',
      name: 'ov-clue',
      component: () => import('./inspector/CluePage.vue'),
      meta: { title: 'titles.ovClue', roles: INSPECTOR_ROLES },
    },
    {
      path: 'trail/:caseNumber?',
      name: 'ov-trail',
      component: () => import('./inspector/TrailPage.vue'),
      meta: { title: 'titles.ovTrail', roles: TRAIL_ROLES, nav: 'inspector' },
    },
    {
      path: 'samples',
      name: 'ov-samples',
      component: () => import('./inspector/SamplesPage.vue'),
      meta: { title: 'titles.ovSamples', roles: TRAIL_ROLES, nav: 'inspector' },
    },
    {
      path: 'inaction',
      name: 'ov-inaction',
      component: () => import('./inspector/InactionPage.vue'),
      meta: { title: 'titles.ovInaction', roles: TRAIL_ROLES, nav: 'inspector' },
    },
    {
      path: 'matrix',
      name: 'ov-matrix',
      component: () => import('./admin/MatrixPage.vue'),
      meta: { title: 'titles.ovMatrix', roles: ADMIN_ROLES, nav: 'admin' },
    },
    {
      path: 'templates',
      name: 'ov-templates',
      component: () => import('./admin/TemplatesPage.vue'),
      meta: { title: 'titles.ovTemplates', roles: ADMIN_ROLES, nav: 'admin' },
    },
    {
      path: 'calendar',
      name: 'ov-calendar',
      component: () => import('./admin/CalendarPage.vue'),
      meta: { title: 'titles.ovCalendar', roles: ADMIN_ROLES, nav: 'admin' },
    },
    {
      path: 'dead-letters',
      name: 'ov-dead-letters',
      component: () => import('./admin/DeadLettersPage.vue'),
      meta: { title: 'titles.ovDeadLetters', roles: ADMIN_ROLES, nav: 'admin' },
    },
  ],
}
