import { monitorEventLoopDelay, type ELDHistogram } from 'node:perf_hooks';
import { openDatabase } from '../src/main/db/open-database.ts';
import { countPastDaysInWorker } from '../src/main/stats/count-past-days-in-worker.ts';
import { createDeskStatsByDays } from '../src/main/stats/desk-stats-days.ts';
import { systemClock } from '../src/shared/clock.ts';
import { ms } from './percentiles.ts';
import { CALLS, benchmarkDatabase } from './screen-pop-database.ts';

const DAY = 86_400_000;
const ZONE = 'Europe/Athens';
/** The screen-pop database's calls end here (three years back from it). */
const NOW = Date.UTC(2026, 10, 1);
const ROUNDS = 3;
const DAYS_PER_RUN = 8;
/** What keepDaysReady paused between days when it counted on the main thread. */
const OLD_PAUSE_MS = 5;
const IDLE_MS = 1_500;

/**
 * The statistics catch-up over the screen-pop database (5,000,000 calls, ~4,600 a day): the event
 * loop's longest block while it runs — how late a call arriving then would be handled — counting
 * on the main thread with 5 ms pauses between days (as before decision 0017), against the worker
 * thread on its own connection (now), and against the event loop with nothing counting (this
 * machine's floor), in the same run: rounds alternate, each on days not yet kept and not read
 * before, so neither side reads from a cache the other warmed.
 */
export async function run(log: (line: string) => void): Promise<void> {
  const file = await benchmarkDatabase(log);
  const database = await openDatabase(file);
  try {
    const from = NOW - 2 * ROUNDS * DAYS_PER_RUN * DAY - DAY;
    // Days a previous run kept would be skipped: counted afresh each time.
    await database.db.deleteFrom('stats_days').where('agent', '=', '*').where('day_start', '>=', from).execute();
    const onMainThread = createDeskStatsByDays({ db: database.db, clock: { ...systemClock, now: () => NOW }, timeZone: () => ZONE });
    const inWorker = countPastDaysInWorker({ file, timeZone: () => ZONE });
    const sides = {
      'main thread (before)': { loops: [] as ELDHistogram[], days: 0, ms: 0 },
      'worker thread (now) ': { loops: [] as ELDHistogram[], days: 0, ms: 0 },
      'nothing counting    ': { loops: [] as ELDHistogram[], days: 0, ms: 0 },
    };
    const [main, worker, idle] = Object.values(sides);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [main!, worker!, idle!] : [worker!, main!, idle!];
      for (const [i, side] of order.entries()) {
        const end = NOW - (2 * round + i) * DAYS_PER_RUN * DAY;
        const period = { from: end - DAYS_PER_RUN * DAY, to: end };
        const started = performance.now();
        // One monitor per run: a monitor enabled again would count the pause between as a block.
        const loop = monitorEventLoopDelay({ resolution: 1 });
        loop.enable();
        if (side === main) side.days += await onMainThread.prepare(period, null, () => new Promise((resolve) => setTimeout(resolve, OLD_PAUSE_MS)));
        else if (side === worker) side.days += (await inWorker({ period, agents: [null], now: NOW }, new AbortController().signal))[0]!;
        else await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
        loop.disable();
        side.loops.push(loop);
        side.ms += performance.now() - started;
      }
    }
    log(`Statistics catch-up over ${CALLS.toLocaleString('en')} calls: the event loop while past days are counted (${ROUNDS} alternating rounds of ${DAYS_PER_RUN} days each)`);
    for (const [name, side] of Object.entries(sides)) {
      log(`  ${name}: ${side.days} days in ${(side.ms / 1000).toFixed(1)} s (${side.days === 0 ? 'the floor' : `${ms(side.ms / side.days)} a day`}); event loop blocked p99 ${blockMs(side.loops, 'p99')} (the worst run's), longest ${blockMs(side.loops, 'max')}`);
    }
    const longest = (loops: ELDHistogram[]) => Math.max(...loops.map((l) => l.max));
    log(`  longest block, worker thread against main thread: ${(longest(main!.loops) / longest(worker!.loops)).toFixed(0)}× shorter`);
  } finally {
    await database.close();
  }
}

/** The monitors count a 1 ms timer's delay in ns; the timer's own 1 ms is not a block. */
function blockMs(loops: ELDHistogram[], which: 'p99' | 'max'): string {
  const ns = Math.max(...loops.map((loop) => (which === 'max' ? loop.max : loop.percentile(99))));
  return ms(Math.max(0, ns / 1e6 - 1));
}
