import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import { countPastDaysInWorker } from './count-past-days-in-worker.ts';
import { createDeskStatsByDays } from './desk-stats-days.ts';
import { keepDaysReady } from './keep-days-ready.ts';

export type StatsMethod = 'stats.desk' | 'stats.agents';

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The desk's statistics, counted per day (past days in a worker thread, decision 0017). */
export function createStatsModule(ctx: ModuleContext): CoreModule<StatsMethod> {
  const { clock } = ctx;
  const statsByDays = createDeskStatsByDays({ db: ctx.database.db, clock, timeZone });
  const statsDays = keepDaysReady({
    countPastDays: countPastDaysInWorker({ file: ctx.database.sqlite.name, timeZone }),
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
