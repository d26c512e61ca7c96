import { resolve } from 'node:path';
import { buildRendererIfChanged } from './renderer-build-cache.ts';

/**
 * `npm run web` (and `npm start` where Electron cannot run): browser mode, the interface rebuilt
 * first only when its sources changed, then the app in this same process — no second Node start.
 */
try {
  buildRendererIfChanged({ root: resolve(import.meta.dirname, '..'), log: (line) => console.log(line) });
} catch (error) {
  console.error(`Ringside could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
await import('../src/main/host/web/web-main.ts');
