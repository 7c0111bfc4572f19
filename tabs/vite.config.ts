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
