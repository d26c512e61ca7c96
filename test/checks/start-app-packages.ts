import { registerHooks } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Run as a script: starts the app as browser mode does (startApp on a fresh data folder), lets it
 * settle, and prints as JSON the npm packages loaded by then. Used by main-loads-on-demand.test.ts.
 */
const packages = new Set<string>();
registerHooks({
  load(url, context, next) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match?.[1]) packages.add(match[1]);
    return next(url, context);
  },
});
const dir = mkdtempSync(join(tmpdir(), 'ringside-loads-'));
try {
  const { startApp } = await import('../../src/main/app/start-app.ts');
  const app = await startApp({ argv: ['--data-dir', join(dir, 'data')] });
  await new Promise((settled) => setTimeout(settled, 500));
  process.stdout.write(`\nPACKAGES ${JSON.stringify([...packages].sort())}\n`);
  await app.dispose();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
