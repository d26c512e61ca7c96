import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Browser mode's core built to JavaScript (out/web-main), so `npm start` / `npm run web` run it
 * without Node's TypeScript stripping, which alone holds about 17 MB of the process. Packages stay
 * outside the bundle (an SSR build leaves bare imports to Node), so better-sqlite3's native module
 * loads as before.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/web-main',
    emptyOutDir: true,
    target: 'node24',
    // Stack traces in the log stay readable without source maps (Node would hold those in memory too).
    minify: false,
    rollupOptions: {
      input: {
        'web-main': resolve(import.meta.dirname, 'src/main/host/web/web-main.ts'),
        // Started as a worker thread by count-past-days-in-worker.ts, which looks for it beside itself.
        'past-days-worker': resolve(import.meta.dirname, 'src/main/stats/past-days-worker.ts'),
      },
      // Shared code and parts loaded on first use sit in the same folder as the two entries.
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
