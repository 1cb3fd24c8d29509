/**
 * The studio's build: studio/ is the Vite root; the page goes to dist/studio/ beside the server's
 * compiled code (tsc writes src/studio/ there too), so the folder is not emptied: only the page's
 * own index.html and assets/ are replaced. The worker is an ES module, like the page.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ command }) => {
  const outDir = fileURLToPath(new URL('../dist/studio', import.meta.url));
  return {
    root: here,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    worker: { format: 'es' },
    plugins: [
      {
        name: 'sulab-studio-clean-assets',
        // Old hashed files would pile up in assets/ since the folder is not emptied.
        buildStart() {
          if (command === 'build')
            rmSync(`${this.environment?.config.build.outDir ?? outDir}/assets`, {
              recursive: true,
              force: true,
            });
        },
      },
    ],
    build: {
      outDir,
      emptyOutDir: false,
      assetsDir: 'assets',
      target: 'es2022',
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 4000,
    },
  };
});
