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
            { name: 'charts', test: /node_modules[\\/](recharts|d3-[\w-]+|victory-vendor|@reduxjs|redux|immer|reselect|es-toolkit|decimal\.js-light)[\\/]/ },
            // Phone-number metadata alone is most of a 500 kB chunk: apart, no chunk passes Vite's limit.
            { name: 'phone-numbers', test: /node_modules[\\/]libphonenumber-js[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
};

export default rendererConfig;
