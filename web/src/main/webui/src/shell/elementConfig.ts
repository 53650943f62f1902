import { computed, type App, type Ref } from 'vue'
import { provideGlobalConfig } from 'element-plus/es/components/config-provider/src/hooks/use-global-config.mjs'
import zhCn from 'element-plus/es/locale/lang/zh-cn.mjs'
import en from 'element-plus/es/locale/lang/en.mjs'

/**
 * Element Plus's language for the whole application (what `el-config-provider` would set), installed the first time
 * a page that uses Element Plus is opened: the pages a phone opens first (home, 我要投诉, 进度查询) use none of its
 * code, so the start of the application carries none of it either. Follows the language switch.
 */
export function installElementConfig(app: App, locale: Ref<string>) {
  provideGlobalConfig(
    computed(() => ({ locale: locale.value === 'en' ? en : zhCn })),
    app,
    true,
  )
}
