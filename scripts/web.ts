import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildMainIfChanged } from './main-build-cache.ts';
import { buildRendererIfChanged } from './renderer-build-cache.ts';

/**
 * `npm run web` (and `npm start` where Electron cannot run): browser mode. The interface and the
 * core are rebuilt first only when their sources changed; then the built core replaces this
 * process (same pid, terminal and signals), so Node's TypeScript stripping, loaded to run these
 * scripts, does not stay in the app's memory.
 */
const root = resolve(import.meta.dirname, '..');
try {
  const log = (line: string) => console.log(line);
  buildRendererIfChanged({ root, log });
  buildMainIfChanged({ root, log });
} catch (error) {
  console.error(`Ringside could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const builtCore = join(root, 'out', 'web-main', 'web-main.js');
// Where Node has no exec (Windows), the built core runs in this process, with the stripping kept.
if (process.execve) process.execve(process.execPath, [process.execPath, ...process.execArgv, builtCore, ...process.argv.slice(2)]);
else await import(pathToFileURL(builtCore).href);
