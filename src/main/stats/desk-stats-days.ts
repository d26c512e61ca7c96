import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.ts';
import type { DeskStats, Period } from '../../shared/ipc/stats.ts';
import { splitIntoLocalDays } from '../../shared/stats/stat-period.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { isDiskFull } from '../db/disk-full.ts';
import { addDeskSums, deskStats, deskStatsOf, deskSums, emptyDeskSums, type DeskSums } from './desk-stats.ts';
import { SUM_COLUMNS, sumColumnsOf, sumsOfColumns } from './kept-day-columns.ts';

/**
 * The dashboard for any period, fast for long ones: a period of several days is cut at the
 * office's midnights; each whole day that is over is counted once and kept (stats_days), and
 * the triggers of migration 0014 forget a day when its calls change. The days still running and
 * the partial edges are counted each time. The same figures as deskStats, from the same queries.
 */
export interface DeskStatsByDays {
  (period: Period, agent: string | null): Promise<DeskStats>;
  /**
   * Counts and keeps the days of `period` that are over and not kept yet, one day at a time with a
   * pause between (calls keep their priority): run in the background so that even the first look
   * at a long period is quick.
   */
  prepare(period: Period, agent: string | null, pause: () => Promise<void>): Promise<number>;
}

export function createDeskStatsByDays(deps: { db: Kysely<DatabaseSchema>; clock: Clock; timeZone(): string }): DeskStatsByDays {
  const { db } = deps;
  const stats = async (period: Period, agent: string | null) => {
    const { days, edges } = splitIntoLocalDays(period, deps.timeZone());
    if (days.length < 2) return deskStats(db, period, agent);
    const now = deps.clock.now();
    const key = agent ?? '*';
    const over = days.filter((d) => d.to <= now);
    const running = days.filter((d) => d.to > now);
    const total = emptyDeskSums();
    const first = over[0];
    const last = over.at(-1);
    if (first && last) {
      const kept = await keptDays(db, key, first.from, last.to);
      for (const day of over) {
        const row = kept.get(day.from);
        const sums = row && row.dayEnd === day.to ? row.sums : null;
        addDeskSums(total, sums ?? (await countDayKeptIfThereIsSpace(db, day, agent, key)));
      }
    }
    for (const part of [...edges, ...running]) addDeskSums(total, await deskSums(db, part, agent));
    return deskStatsOf(total);
  };
  const prepare = async (period: Period, agent: string | null, pause: () => Promise<void>) => {
    const key = agent ?? '*';
    const now = deps.clock.now();
    const over = splitIntoLocalDays(period, deps.timeZone()).days.filter((d) => d.to <= now);
    const first = over[0];
    const last = over.at(-1);
    if (!first || !last) return 0;
    const kept = new Set(
      (await db.selectFrom('stats_days').select('day_start').where('agent', '=', key).where('day_start', '>=', first.from).where('day_start', '<', last.to).execute()).map((r) => Number(r.day_start)),
    );
    let counted = 0;
    for (const day of over) {
      if (kept.has(day.from)) continue;
      await countDayAgainWhenOvertaken(db, day, agent, key);
      counted++;
      await pause();
    }
    return counted;
  };
  return Object.assign(stats, { prepare });
}

/** The kept days of `agent` starting in [from, to), by their start, with their lead sources. */
async function keptDays(db: Kysely<DatabaseSchema>, agent: string, from: number, to: number): Promise<Map<number, { dayEnd: number; sums: DeskSums }>> {
  const [days, sources] = await Promise.all([
    db.selectFrom('stats_days').select(['day_start', 'day_end', ...SUM_COLUMNS]).where('agent', '=', agent).where('day_start', '>=', from).where('day_start', '<', to).execute(),
    db.selectFrom('stats_day_sources').select(['day_start', 'source', 'incoming', 'sold']).where('agent', '=', agent).where('day_start', '>=', from).where('day_start', '<', to).execute(),
  ]);
  const sourcesByDay = new Map<number, typeof sources>();
  for (const s of sources) sourcesByDay.set(Number(s.day_start), [...(sourcesByDay.get(Number(s.day_start)) ?? []), s]);
  return new Map(days.map((row) => [Number(row.day_start), { dayEnd: Number(row.day_end), sums: sumsOfColumns(row, sourcesByDay.get(Number(row.day_start)) ?? []) }]));
}

/** Counts a day and keeps it, in one transaction: no change to its calls can slip in between. */
function countDay(db: Kysely<DatabaseSchema>, day: Period, agent: string | null, key: string): Promise<DeskSums> {
  return db.transaction().execute(async (trx) => {
    const sums = await deskSums(trx, day, agent);
    const columns = sumColumnsOf(sums);
    await trx
      .insertInto('stats_days')
      .values({ day_start: day.from, day_end: day.to, agent: key, ...columns })
      .onConflict((oc) => oc.columns(['day_start', 'agent']).doUpdateSet({ day_end: day.to, ...columns }))
      .execute();
    await trx.deleteFrom('stats_day_sources').where('day_start', '=', day.from).where('agent', '=', key).execute();
    const sources = Object.entries(sums.bySource).map(([source, counts]) => ({ day_start: day.from, agent: key, source, incoming: counts.incoming, sold: counts.sold }));
    if (sources.length > 0) await trx.insertInto('stats_day_sources').values(sources).execute();
    return sums;
  });
}

/** Enough for the calls of a busy office; past that the next run counts the day. */
const TRIES_WHEN_OVERTAKEN = 3;

/**
 * Counting in a worker thread, on its own connection: when the phone writes a call after this
 * transaction read its snapshot, SQLite refuses to keep the day (SQLITE_BUSY_SNAPSHOT) rather than
 * keep figures that miss that write. The day is then counted again from the new state.
 */
async function countDayAgainWhenOvertaken(db: Kysely<DatabaseSchema>, day: Period, agent: string | null, key: string): Promise<DeskSums> {
  for (let tries = 1; ; tries++) {
    try {
      return await countDay(db, day, agent, key);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      const overtaken = typeof code === 'string' && code.startsWith('SQLITE_BUSY');
      if (!overtaken || tries >= TRIES_WHEN_OVERTAKEN) throw error;
    }
  }
}

/** The dashboard shows its figures on a full disk too: the day is counted, and kept another time. */
async function countDayKeptIfThereIsSpace(db: Kysely<DatabaseSchema>, day: Period, agent: string | null, key: string): Promise<DeskSums> {
  try {
    return await countDay(db, day, agent, key);
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    return deskSums(db, day, agent);
  }
}
