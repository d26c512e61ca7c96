import type { Clock } from '../../shared/clock.ts';
import type { Logger } from '../../shared/logger.ts';
import { isDiskFull } from '../db/disk-full.ts';
import type { CountPastDays } from './past-days-job.ts';

const FIRST_AFTER_MS = 60_000;
const EVERY_MS = 6 * 3_600_000;
/** After a full disk stopped the counting: soon enough to catch up once space is free. */
const AFTER_DISK_FULL_MS = 10 * 60_000;
const DAYS_BACK = 400;

/**
 * In the background, a minute after start and every six hours, counts the past days (back 400
 * days) that are not kept yet, for everyone and for this desk: the statistics of a month or a year
 * open at once. The counting runs off the event loop (countPastDays: a worker thread), so calls
 * arriving meanwhile are not held back; disposing stops a run under way.
 */
export function keepDaysReady(deps: { countPastDays: CountPastDays; clock: Clock; log: Logger; me(): string }): { dispose(): void } {
  let timer: unknown = null;
  const stopping = new AbortController();
  /** Resolves when the next run is due. */
  const run = async (): Promise<number> => {
    const now = deps.clock.now();
    const agents = [null, deps.me()];
    try {
      const counted = await deps.countPastDays({ period: { from: now - DAYS_BACK * 86_400_000, to: now }, agents, now }, stopping.signal);
      counted.forEach((days, i) => {
        if (days > 0) deps.log.info('Statistics: past days counted', { agent: agents[i] ?? 'everyone', days });
      });
    } catch (error) {
      if (stopping.signal.aborted) return EVERY_MS;
      if (isDiskFull(error)) {
        deps.log.warn('Statistics: the disk is full, past days are counted again in ten minutes', { error: String(error) });
        return AFTER_DISK_FULL_MS;
      }
      deps.log.warn('Statistics: past days could not be counted', { error: String(error) });
    }
    return EVERY_MS;
  };
  const schedule = (ms: number) => {
    timer = deps.clock.setTimeout(() => {
      void run().then((next) => {
        if (!stopping.signal.aborted) schedule(next);
      });
    }, ms);
  };
  schedule(FIRST_AFTER_MS);
  return {
    dispose() {
      stopping.abort();
      if (timer !== null) deps.clock.clearTimeout(timer);
    },
  };
}
