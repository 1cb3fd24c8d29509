/**
 * The studio's build: studio/ is the Vite root, the app goes to dist/studio/ beside the server's
 * compiled code (so the output folder is not emptied; the server serves only index.html and
 * assets/). The worker is an ES module so it can share chunks with the library code.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/studio', import.meta.url)),
    emptyOutDir: false,
    assetsDir: 'assets',
    target: 'es2022',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4000,
  },
});
