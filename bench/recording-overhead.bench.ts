import { runInLab } from './run-in-lab.ts';

/**
 * CPU of Ringside during a call, with and without recording: main (Node) and the window
 * (Chromium). Needs the lab, so it runs in a private network namespace.
 */
export function run(log: (line: string) => void): Promise<void> {
  log('Recording overhead — CPU during a 20 s call, recording off and on');
  return runInLab('recording-overhead-run.ts', 'recording overhead', log);
}
