import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/** The renderer build, shared by `electron-vite` (desktop) and `vite build` (browser mode). */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    rolldownOptions: {
      output: {
        // The libraries in chunks of their own: each stays small, and a change of ours leaves them cached.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // Phone-number metadata alone is most of a 500 kB chunk: apart, no chunk passes Vite's limit.
            { name: 'phone-numbers', test: /node_modules[\\/]libphonenumber-js[\\/]/ },
            // What the phone needs at start ($initial); first, so the lazy groups below do not take
            // a library the phone shares with them (use-sync-external-store) and load with it.
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'] },
            // Loaded with the screens that draw charts (statistics, scoring) and the first recording played.
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[\w-]+|victory-vendor|@reduxjs|redux|react-redux|immer|reselect|es-toolkit|decimal\.js-light|eventemitter3|react-is)[\\/]/ },
            { name: 'waveform', test: /node_modules[\\/]wavesurfer\.js[\\/]/ },
          ],
        },
      },
    },
  },
};

export default rendererConfig;
