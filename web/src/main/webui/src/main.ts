import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n, currentLocale, loadSavedLocale } from './i18n'
import { configureApi } from './api/client'
import { accessToken, returningFromKeycloak, startSession } from './auth/session'
import { syncTitleAndLang } from './shell/PageTitle'
import './styles.css'

/** Pages drawn with native elements only (plain.css): they need nothing of Element Plus. */
const PAGES_WITHOUT_ELEMENT = new Set(['home', 'file', 'track', 'not-found'])

/** Lets the browser paint and answer input before the next step (a phone's main thread is never busy for long). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))

async function boot() {
  configureApi({ token: accessToken, locale: currentLocale })
  // Coming back from the Keycloak login page: finish the code exchange (keycloak-js reads and removes the URL
  // fragment) before the router reads the URL. Otherwise the session is restored in the background.
  if (returningFromKeycloak()) await startSession()
  else void startSession()

  await loadSavedLocale()
  // Three tasks instead of one long one: evaluating the scripts (until here), setting up the application and its
  // first navigation (which requests the page's chunk), rendering it. The static frame of index.html is on screen
  // meanwhile.
  await nextTask()
  const router = createAppRouter()
  const app = createApp(App)
  app.use(i18n)
  // Element Plus's language, loaded with the first page that uses Element Plus (not with the portal's first pages)
  let elementConfig: Promise<void> | null = null
  router.beforeResolve(async (to) => {
    if (to.name && PAGES_WITHOUT_ELEMENT.has(String(to.name))) return
    elementConfig ??= import('./shell/elementConfig').then(
      (m) => m.installElementConfig(app, i18n.global.locale),
      (e: unknown) => {
        elementConfig = null // a failed load is tried again on the next navigation
        throw e
      },
    )
    await elementConfig
  })
  app.use(router) // starts the first navigation: the page's chunk is requested now
  syncTitleAndLang(router)
  await nextTask()
  app.mount('#app')
}

void boot()
