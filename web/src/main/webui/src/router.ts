import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import HomePage from './portal/pages/HomePage.vue'
import { PORTAL_ROLES } from './auth/roles'
import { workbenchRoutes } from './workbench/routes'
import { oversightRoutes } from './oversight/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** Message key of the page title (titles.*). */
    title: string
    /** Realm roles that may use the page; the page itself explains when the user is not signed in. */
    roles?: readonly string[]
    /** Navigation group (wb.groups.* or ov.groups.*) the page is listed under. */
    nav?: string
  }
}

// Every page but the home page is its own chunk; the staff areas and the statistics page (with ECharts)
// are never loaded by the public pages.
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { title: 'titles.home' } },
  { path: '/file', name: 'file', component: () => import('./portal/pages/FilePage.vue'), meta: { title: 'titles.file' } },
  {
    path: '/receipt',
    name: 'receipt',
    component: () => import('./portal/pages/ReceiptPage.vue'),
    meta: { title: 'titles.receipt' },
  },
  {
    path: '/track/:caseNumber?',
    name: 'track',
    component: () => import('./portal/pages/TrackPage.vue'),
    meta: { title: 'titles.track' },
  },
  {
    path: '/mine',
    name: 'mine',
    component: () => import('./portal/pages/MinePage.vue'),
    meta: { title: 'titles.mine', roles: PORTAL_ROLES },
  },
  {
    path: '/mine/:caseNumber',
    name: 'mine-detail',
    component: () => import('./portal/pages/MineDetailPage.vue'),
    meta: { title: 'titles.mineDetail', roles: PORTAL_ROLES },
  },
  {
    path: '/rate/:caseNumber',
    name: 'rate',
    component: () => import('./portal/pages/RatePage.vue'),
    meta: { title: 'titles.rate' },
  },
  { path: '/stats', name: 'stats', component: () => import('./portal/pages/StatsPage.vue'), meta: { title: 'titles.stats' } },
  workbenchRoutes,
  oversightRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./shell/NotFoundPage.vue'),
    meta: { title: 'titles.notFound' },
  },
]

/**
 * Created after Keycloak's answer (if any) has been read from the URL fragment: the history captures the URL when it
 * is created, and would otherwise put the code and state back into the address bar.
 */
export const createAppRouter = () =>
  createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior(to, _from, saved) {
      if (saved) return saved
      if (to.hash && to.hash.startsWith('#') && !to.hash.includes('=')) return { el: to.hash }
      return { top: 0 }
    },
  })
