import { watch } from 'vue'
import type { Router } from 'vue-router'
import { i18n } from '@/i18n'

/** Keeps document.title ("page – product") and <html lang> in step with the route and the language. */
export function syncTitleAndLang(router: Router): void {
  const { t, locale } = i18n.global
  const update = () => {
    const key = router.currentRoute.value.meta.title
    const page = key ? t(key) : ''
    const product = t('app.name')
    document.title = page && key !== 'titles.home' ? `${page} - ${product}` : product
    document.documentElement.lang = locale.value
  }
  router.afterEach(update)
  watch(locale, update)
  update()
}
