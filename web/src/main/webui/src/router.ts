import { createRouter, createWebHistory, START_LOCATION, type Router, type RouteRecordRaw } from 'vue-router'
import HomePage from './portal/pages/HomePage.vue'
import { PORTAL_ROLES } from './auth/roles'

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

/**
 * A staff area's routes (dozens of pages) are not part of the public pages' start: the first visit to an address
 * under `/workbench` or `/oversight` loads the area's route table, adds it and resolves the address again.
 */
function staffArea(
  name: string,
  title: string,
  load: () => Promise<RouteRecordRaw>,
): RouteRecordRaw {
  return {
    path: `/${name}/:rest(.*)*`,
    name: `${name}-loader`,
    component: HomePage, // never rendered: the guard always redirects
    meta: { title },
    beforeEnter: async (to) => {
      const router = appRouter
      if (!router) return false
      const area = await load()
      if (router.hasRoute(`${name}-loader`)) router.removeRoute(`${name}-loader`)
      router.addRoute(area)
      return { path: to.path, query: to.query, hash: to.hash, replace: true }
    },
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
  staffArea('workbench', 'titles.workbench', async () => (await import('./workbench/routes')).workbenchRoutes),
  staffArea('oversight', 'titles.oversight', async () => (await import('./oversight/routes')).oversightRoutes),
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
let appRouter: Router | null = null

export const createAppRouter = () => {
  appRouter = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior(to, from, saved) {
      if (saved) return saved
      if (to.hash && to.hash.startsWith('#') && !to.hash.includes('=')) return { el: to.hash }
      // a page that has just loaded is at the top already (scrolling would only cost a layout)
      if (from === START_LOCATION) return false
      return { top: 0 }
    },
  })
  return appRouter
}
