import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * `npm start`: the Electron desktop app when its binary can be had; otherwise browser mode, said
 * plainly. Arguments after `--` go to the app (`npm start -- --config ringside.json`).
 */
const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary(): { path: string } | { why: string } {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 120_000 });
    if (install.status !== 0 || !existsSync(pathFile)) {
      const detail = `${install.stderr ?? ''}${install.stdout ?? ''}`.trim().split('\n').pop() || (install.error?.message ?? 'no details');
      return { why: `its download failed: ${detail}` };
    }
  }
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { why: `${binary} is missing` };
}

function run(command: string, commandArgs: string[]): number {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

const electron = electronBinary();
if ('path' in electron) {
  const built = run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
  if (built !== 0) process.exit(built);
  process.exit(run(electron.path, [root, ...args]));
}

console.log(`Electron is not available on this machine (${electron.why}).`);
console.log('Starting browser mode instead: open the address printed below in Chrome or Chromium.');
const built = run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn']);
if (built !== 0) process.exit(built);
process.exit(run(process.execPath, [join(root, 'src', 'main', 'host', 'web', 'web-main.ts'), ...args]));
