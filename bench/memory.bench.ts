import { runInLab } from './run-in-lab.ts';

/**
 * Memory, idle and registered: Ringside in browser mode (main process + its Chromium) against a
 * bare Chromium with the same flags on a 1 KB page. It needs the lab (Kamailio), so it runs in a
 * private network namespace.
 */
export function run(log: (line: string) => void): Promise<void> {
  log('Memory idle and registered — PSS of Ringside (main + its Chromium) against a bare Chromium');
  return runInLab('memory-run.ts', 'memory', log);
}
