import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './zh-CN'
import { compileMessage } from './compile'

export type AppLocale = 'zh-CN' | 'en'
export const LOCALES: AppLocale[] = ['zh-CN', 'en']
const STORAGE_KEY = 'openysb.locale'

function savedLocale(): AppLocale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'zh-CN') return saved
  } catch {
    // storage may be unavailable (private mode); Chinese is the default
  }
  return 'zh-CN'
}

// Chinese is in the entry; the English texts are a chunk of their own, loaded when English is chosen (or was chosen
// before, see loadSavedLocale), so that the Chinese pages most people use do not carry them.
export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messageCompiler: compileMessage,
  messages: { 'zh-CN': zhCN } as { 'zh-CN': MessageSchema; en: MessageSchema },
})

let english: Promise<void> | null = null
function loadEnglish(): Promise<void> {
  if (!english) {
    english = import('./en').then(
      // merged, not set: the staff areas may have merged their English texts already
      (m) => i18n.global.mergeLocaleMessage('en', m.default),
      (e: unknown) => {
        english = null
        throw e
      },
    )
  }
  return english
}

/** At start: the language chosen on an earlier visit (English loads before the first render). */
export async function loadSavedLocale(): Promise<void> {
  if (savedLocale() === 'en') {
    try {
      await loadEnglish()
      i18n.global.locale.value = 'en'
    } catch {
      // the English texts did not load: the pages stay in Chinese
    }
  }
}

export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

/** Switches the language: messages, Element Plus texts (shell/elementConfig.ts), the page's lang attribute and the title. */
export async function setLocale(locale: AppLocale): Promise<void> {
  if (locale === 'en') await loadEnglish()
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // not remembered; fine
  }
}
