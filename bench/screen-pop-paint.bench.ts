import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * Screen pop as the person sees it: from the INVITE reaching main to the card painted in browser
 * mode. It needs the lab (Kamailio, Chromium callers), so it runs in a private network namespace.
 */
export function run(log: (line: string) => void): Promise<void> {
  log('Screen pop painted — browser mode, real Kamailio and a WebRTC caller');
  const root = resolve(import.meta.dirname, '..');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'run-in-netns.ts'), process.execPath, join(root, 'bench', 'screen-pop-paint-run.ts')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const line of result.stdout.trimEnd().split('\n')) if (line) log(line);
  if (result.status !== 0) return Promise.reject(new Error(`the paint benchmark failed (exit ${result.status})`));
  return Promise.resolve();
}
