import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { callableAssert } from './vite-plugins/callable-assert';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The admin tab: a static bundle Herald's server serves at `/tab/`. JSX through Vite's built-in Oxc transform. */
export default defineConfig({
  root,
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [callableAssert()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // adaptive-expressions (under the card templating) is large; one chunk per vendor keeps the tab's own code small.
    chunkSizeWarningLimit: 2500,
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
