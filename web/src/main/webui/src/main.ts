import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n, currentLocale, loadSavedLocale } from './i18n'
import { configureApi } from './api/client'
import { accessToken, returningFromKeycloak, startSession } from './auth/session'
import { syncTitleAndLang } from './shell/PageTitle'
import './styles.css'

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
  app.use(router) // starts the first navigation: the page's chunk is requested now
  syncTitleAndLang(router)
  await nextTask()
  app.mount('#app')
}

void boot()
