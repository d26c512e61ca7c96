import { resolve } from 'node:path';
import { buildMainIfChanged } from '../../scripts/main-build-cache.ts';

/**
 * Playwright's global set-up: the e2e tests start the core built to JavaScript, as `npm run web`
 * does, so it is built first — once for all workers, and only when its sources changed.
 */
export default function buildCore(): void {
  buildMainIfChanged({ root: resolve(import.meta.dirname, '..', '..'), log: (line) => console.log(line) });
}
