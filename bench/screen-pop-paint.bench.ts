import { runInLab } from './run-in-lab.ts';

/**
 * Screen pop as the person sees it: from the INVITE reaching main to the card painted in browser
 * mode. It needs the lab (Kamailio, Chromium callers), so it runs in a private network namespace.
 */
export function run(log: (line: string) => void): Promise<void> {
  log('Screen pop painted — browser mode, real Kamailio and a WebRTC caller');
  return runInLab('screen-pop-paint-run.ts', 'paint', log);
}
