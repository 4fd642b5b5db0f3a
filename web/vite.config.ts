import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes `<file>.br` and `<file>.gz` beside each text asset of the build, at the highest levels:
 * the API (without nginx in front) serves them as they are, so no visitor waits for, and no CPU
 * spends on, compressing the same bytes again. Source maps are left out: only developers fetch them.
 */
function precompress(): Plugin {
  return {
    name: 'aiparksit-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      // Not the manifest (.vite/): it is for the build's readers, never served.
      const files = Object.values(bundle).filter((file) => /\.(?:js|mjs|css|html|svg|json|txt)$/.test(file.fileName) && !file.fileName.startsWith('.vite/'));
      await Promise.all(
        files.map(async (file) => {
          // The written file, not the bundle's text: the source map comment is added on writing.
          const path = join(dir, file.fileName);
          const bytes = await readFile(path);
          if (bytes.length < 1024) return;
          await Promise.all([
            brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).then((out) =>
              writeFile(`${path}.br`, out),
            ),
            gzipAsync(bytes, { level: 9 }).then((out) => writeFile(`${path}.gz`, out)),
          ]);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3005',
      '/ws': { target: 'ws://127.0.0.1:3005', ws: true },
    },
  },
  // The manifest (dist/.vite/manifest.json, not served) says which chunks each page needs:
  // `npm run bench:web` and the first-load browser test read it.
  build: { outDir: 'dist', sourcemap: true, manifest: true },
});
