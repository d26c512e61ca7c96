import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { pastDaysReplySchema, type CountPastDays, type PastDaysJob } from './past-days-job.ts';

/** Between two days; the phone's writes wait at most one day's insert for the write lock. */
const PAUSE_MS = 5;

/**
 * Each catch-up run in a worker thread of its own, on its own connection to `file`, started for
 * the run and ended after it: its memory is held only while it counts. The worker sits beside this
 * module (past-days-worker.ts here, past-days-worker.js beside the built bundles, Electron's and browser mode's).
 */
export function countPastDaysInWorker(deps: { file: string; timeZone(): string }): CountPastDays {
  const workerFile = new URL(`./past-days-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  return ({ period, agents, now }, signal) =>
    new Promise<number[]>((resolve, reject) => {
      if (signal.aborted) return reject(new Error('stopped'));
      const job: PastDaysJob = { file: deps.file, now, timeZone: deps.timeZone(), period, agents, pauseMs: PAUSE_MS };
      const worker = new Worker(workerFile, { workerData: job });
      let settled = false;
      const settle = (done: () => void) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', stop);
        done();
      };
      const stop = () => {
        void worker.terminate();
        settle(() => reject(new Error('stopped')));
      };
      signal.addEventListener('abort', stop, { once: true });
      worker.once('message', (message: unknown) => {
        const reply = pastDaysReplySchema.safeParse(message);
        if (!reply.success) return settle(() => reject(new Error('The statistics worker sent an unexpected reply')));
        const { data } = reply;
        settle(() => {
          if (data.kind === 'counted') resolve(data.days);
          else reject(Object.assign(new Error(data.message), { code: data.code }));
        });
      });
      worker.once('error', (error: Error) => settle(() => reject(error)));
      worker.once('exit', (code) => settle(() => reject(new Error(`The statistics worker ended (exit code ${code}) without a reply`))));
    });
}
