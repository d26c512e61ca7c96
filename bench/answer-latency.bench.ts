import { runInLab } from './run-in-lab.ts';

/**
 * The answer itself: from the ring policy deciding to answer to the 200 OK leaving Ringside (seen
 * by a relay on its SIP WebSocket), split into main's and the window's parts. Needs the lab, so it
 * runs in a private network namespace.
 */
export function run(log: (line: string) => void): Promise<void> {
  log('Answer latency — ring policy decision → 200 OK on the wire, browser mode, real Kamailio and a WebRTC caller');
  return runInLab('answer-latency-run.ts', 'answer latency', log);
}
