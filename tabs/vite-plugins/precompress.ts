import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Text assets worth compressing; images are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this, a compressed copy saves next to nothing. */
const MIN_BYTES = 256;

/**
 * Writes a `.br` (Brotli, best quality) and a `.gz` (gzip, level 9) beside every text asset of the build, once, at
 * build time, so Herald's server answers compressed bytes without compressing on each request (api/routes/tab-routes.ts
 * picks the copy the browser accepts). Uses Node's own zlib: no dependency.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'herald:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const files = [...Object.keys(bundle), 'index.html'].filter((name, index, all) => COMPRESSIBLE.test(name) && all.indexOf(name) === index);
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(outDir, name);
          const bytes = await readFile(file).catch(() => undefined);
          if (!bytes || bytes.length < MIN_BYTES) return;
          const [br, gz] = await Promise.all([
            brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
            gzipAsync(bytes, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}
