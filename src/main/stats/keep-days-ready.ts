import type { Clock } from '../../shared/clock.ts';
import type { Logger } from '../../shared/logger.ts';
import { isDiskFull } from '../db/disk-full.ts';
import type { DeskStatsByDays } from './desk-stats-days.ts';

const FIRST_AFTER_MS = 60_000;
const EVERY_MS = 6 * 3_600_000;
/** After a full disk stopped the counting: soon enough to catch up once space is free. */
const AFTER_DISK_FULL_MS = 10 * 60_000;
const DAYS_BACK = 400;
const PAUSE_MS = 5;

/**
 * In the background, a minute after start and every six hours, counts the past days (back 400
 * days) that are not kept yet, for everyone and for this desk: the statistics of a month or a year
 * open at once. A pause between days keeps the phone responsive.
 */
export function keepDaysReady(deps: { stats: DeskStatsByDays; clock: Clock; log: Logger; me(): string }): { dispose(): void } {
  let timer: unknown = null;
  let disposed = false;
  const pause = () => new Promise<void>((resolve) => deps.clock.setTimeout(resolve, PAUSE_MS));
  /** Resolves when the next run is due. */
  const run = async (): Promise<number> => {
    const now = deps.clock.now();
    const period = { from: now - DAYS_BACK * 86_400_000, to: now };
    try {
      for (const agent of [null, deps.me()]) {
        if (disposed) return EVERY_MS;
        const counted = await deps.stats.prepare(period, agent, async () => {
          if (disposed) throw new Error('stopped');
          await pause();
        });
        if (counted > 0) deps.log.info('Statistics: past days counted', { agent: agent ?? 'everyone', days: counted });
      }
    } catch (error) {
      if (disposed) return EVERY_MS;
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
        if (!disposed) schedule(next);
      });
    }, ms);
  };
  schedule(FIRST_AFTER_MS);
  return {
    dispose() {
      disposed = true;
      if (timer !== null) deps.clock.clearTimeout(timer);
    },
  };
}
