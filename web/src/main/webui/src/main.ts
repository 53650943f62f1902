import { createApp } from 'vue'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n, currentLocale } from './i18n'
import { configureApi } from './api/client'
import { accessToken, returningFromKeycloak, startSession } from './auth/session'
import { syncTitleAndLang } from './shell/PageTitle'
import './styles.css'

async function boot() {
  configureApi({ token: accessToken, locale: currentLocale })
  // Coming back from the Keycloak login page: finish the code exchange (keycloak-js reads and removes the URL
  // fragment) before the router reads the URL. Otherwise the session is restored in the background.
  if (returningFromKeycloak()) await startSession()
  else void startSession()

  const router = createAppRouter()
  const app = createApp(App)
  app.use(i18n)
  app.use(router)
  syncTitleAndLang(router)
  app.mount('#app')
}

void boot()
