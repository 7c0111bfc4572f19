import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { callableAssert } from './vite-plugins/callable-assert';
import { precompress } from './vite-plugins/precompress';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The admin tab: a static bundle Herald's server serves at `/tab/`. JSX through Vite's built-in Oxc transform. */
export default defineConfig({
  root,
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [callableAssert(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Screens are split with React.lazy; the Adaptive Cards renderer and templating (adaptive-expressions is large)
    // arrive with the preview, after the compose form is usable. `npm run bench:tab` measures the first load.
    chunkSizeWarningLimit: 2500,
    // Build-time only: Rolldown's report of each chunk's gzipped size is slow on 2 MB of vendor code.
    reportCompressedSize: false,
    rolldownOptions: {
      // The card templating (adaptivecards-templating and adaptive-expressions, ~1 MB) declares no `sideEffects`, so
      // the shared card contract's re-export of buildCard would pull it into the first chunk though only the preview
      // (loaded after the form) calls it. Declared side-effect free, it goes where it is used.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/](adaptivecards-templating|adaptive-expressions)[\\/]/.test(id) },
      output: {
        // The Adaptive Cards renderer, templating and expression engine in one chunk of their own, fetched with the
        // preview, so the compose form never waits for them.
        advancedChunks: { groups: [{ name: 'card-renderer', test: /[\\/]node_modules[\\/](adaptivecards|adaptivecards-templating|adaptive-expressions|antlr4ts|lodash[^\\/]*|dayjs|jspath|xmldom|@xmldom|fast-xml-parser|big-integer|btoa-lite|d3-format|atob-lite|lru-cache)[\\/]/ }] },
      },
      // Fluent's "use client" directives mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    // `npm start` prints the API's port; during tab development Vite proxies /api there.
    proxy: { '/api': process.env.HERALD_API_URL ?? 'http://localhost:3978' },
  },
});
