/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { pagePreloads } from './scripts/page-preloads.mjs'

// The web module (Quarkus, port 8080) serves /api/** and /config.json; the dev server forwards them there.
const backend = process.env.OPENYSB_WEB_URL ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components (and their CSS) are imported on demand where a template uses them.
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/components.d.ts',
    }),
    // what the web module preloads for a page address (dist/page-preloads.json; see scripts/page-preloads.mjs)
    pagePreloads({
      file: { module: 'src/portal/pages/FilePage.vue', fetch: ['/api/intake/reference-data'] },
      receipt: { module: 'src/portal/pages/ReceiptPage.vue' },
      track: {
        module: 'src/portal/pages/TrackPage.vue',
        dynamic: true, // the case view, fetched together with the case
        fetch: ['/api/intake/complaints/{caseNumber}?token={token}'],
      },
      mine: { module: 'src/portal/pages/MinePage.vue' },
      rate: { module: 'src/portal/pages/RatePage.vue' },
      stats: { module: 'src/portal/pages/StatsPage.vue' },
    }),
  ],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // the runtime build: texts are compiled by src/i18n/compile.ts, not by vue-i18n's full message compiler
      { find: /^vue-i18n$/, replacement: 'vue-i18n/dist/vue-i18n.runtime.esm-bundler.js' },
      {
        find: /^@intlify\/message-compiler$/,
        replacement: fileURLToPath(new URL('./src/i18n/messageCompilerStub.ts', import.meta.url)),
      },
    ],
  },
  define: {
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    target: 'es2022',
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Element Plus's per-component style modules give shared chunks the name "css"; call them what they hold.
        chunkFileNames: (chunk) => (chunk.name === 'css' ? 'assets/ui-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/config.json': backend,
    },
  },
  preview: {
    proxy: {
      '/api': backend,
      '/config.json': backend,
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
