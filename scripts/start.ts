import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { electronBinary } from './electron-binary.ts';

/**
 * `npm start`: the Electron desktop app when its binary can be had; otherwise browser mode, said
 * plainly. Arguments after `--` go to the app (`npm start -- --config ringside.json`).
 */
const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

function run(command: string, commandArgs: string[]): number {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

const electron = await electronBinary({ electronDir: join(root, 'node_modules', 'electron'), env: process.env, probeTimeoutMs: 5000 });
if ('path' in electron) {
  const built = run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
  if (built !== 0) process.exit(built);
  process.exit(run(electron.path, [root, ...args]));
}

console.log(`Electron is not available on this machine (${electron.why}).`);
console.log('Starting browser mode instead: open the address printed below in Chrome or Chromium.');
await import('./web.ts');
