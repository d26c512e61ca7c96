import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config.ts';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/host/electron/electron-main.ts'),
          // Started as a worker thread by count-past-days-in-worker.ts, which looks for it beside the bundle.
          'past-days-worker': resolve(import.meta.dirname, 'src/main/stats/past-days-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS, whatever the package's module type.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
