import type { Period } from '../../shared/ipc/stats.ts';
import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import type { DeskStatsByDays } from './desk-stats-days.ts';
import { keepDaysReady } from './keep-days-ready.ts';

export type StatsMethod = 'stats.desk' | 'stats.agents';

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The desk's statistics, counted per day (past days in a worker thread, decision 0017). */
export function createStatsModule(ctx: ModuleContext): CoreModule<StatsMethod> {
  const { clock } = ctx;
  // The statistics' queries and the worker's runner are loaded when first used (a screen, or the
  // catch-up a minute after start), not at start.
  let byDays: Promise<DeskStatsByDays> | null = null;
  const statsByDays = (period: Period, agent: string | null) =>
    (byDays ??= import('./desk-stats-days.ts').then(({ createDeskStatsByDays }) => createDeskStatsByDays({ db: ctx.database.db, clock, timeZone }))).then((count) => count(period, agent));
  const statsDays = keepDaysReady({
    countPastDays: async (job, signal) => {
      const { countPastDaysInWorker } = await import('./count-past-days-in-worker.ts');
      return countPastDaysInWorker({ file: ctx.database.sqlite.name, timeZone })(job, signal);
    },
    clock,
    log: ctx.log.child('stats'),
    me: () => ctx.actor(),
  });
  return {
    handlers: {
      'stats.desk': ({ period, agent }) => statsByDays(period, agent),
      'stats.agents': () => ctx.stores.office.calls.agents(),
    },
    dispose: () => statsDays.dispose(),
  };
}
