import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * CPU of Ringside during a call, with and without recording: main (Node) and the window
 * (Chromium). Needs the lab, so it runs in a private network namespace.
 */
export function run(log: (line: string) => void): Promise<void> {
  log('Recording overhead — CPU during a 20 s call, recording off and on');
  const root = resolve(import.meta.dirname, '..');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'run-in-netns.ts'), process.execPath, join(root, 'bench', 'recording-overhead-run.ts')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const line of result.stdout.trimEnd().split('\n')) if (line) log(line);
  if (result.status !== 0) return Promise.reject(new Error(`the recording overhead benchmark failed (exit ${result.status})`));
  return Promise.resolve();
}
