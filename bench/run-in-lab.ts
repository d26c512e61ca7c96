import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * Runs a benchmark that needs the lab (Kamailio, Chromium callers) in a private network namespace,
 * passing its printed figures on; `script` is a file in bench/.
 */
export function runInLab(script: string, name: string, log: (line: string) => void): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'run-in-netns.ts'), process.execPath, join(root, 'bench', script)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const line of result.stdout.trimEnd().split('\n')) if (line) log(line);
  if (result.status !== 0) return Promise.reject(new Error(`the ${name} benchmark failed (exit ${result.status})`));
  return Promise.resolve();
}
