import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabase, openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { countPastDaysInWorker } from './count-past-days-in-worker.ts';
import { ATHENS, HOUR, START, seedDeskCalls } from './desk-calls-seed.test-support.ts';
import { deskSums } from './desk-stats.ts';
import { createDeskStatsByDays } from './desk-stats-days.ts';
import { sumsOfColumns } from './kept-day-columns.ts';
import { runPastDaysJob } from './past-days-job.ts';

const NOW = START + 12 * 24 * HOUR;
const PERIOD = { from: START - 24 * HOUR, to: NOW };
const AGENTS = [null, 'sip:101@pbx'];

describe('the statistics catch-up in a worker thread, on its own connection to the file', () => {
  let dir: string;
  let file: string;
  let database: OpenedDatabase;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-past-days-'));
    file = join(dir, 'ringside.sqlite');
    database = await openDatabase(file);
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const keptDays = async () => {
    const days = await database.db.selectFrom('stats_days').selectAll().orderBy('agent').orderBy('day_start').execute();
    const sources = await database.db.selectFrom('stats_day_sources').selectAll().orderBy('source').execute();
    return days.map((row) => ({ ...row, sums: sumsOfColumns(row, sources.filter((s) => s.day_start === row.day_start && s.agent === row.agent)) }));
  };

  it('keeps the same day rows as counting on the main thread, each equal to counting its calls', async () => {
    await seedDeskCalls(database.db);
    const counted = await countPastDaysInWorker({ file, timeZone: () => ATHENS })({ period: PERIOD, agents: AGENTS, now: NOW }, new AbortController().signal);
    const fromWorker = await keptDays();
    expect(counted).toHaveLength(2);
    expect(counted[0]).toBeGreaterThan(10);
    expect(fromWorker).toHaveLength(counted[0]! + counted[1]!);
    for (const row of fromWorker) {
      const day = { from: Number(row.day_start), to: Number(row.day_end) };
      expect(row.sums).toEqual(await deskSums(database.db, day, row.agent === '*' ? null : row.agent));
    }

    await database.db.deleteFrom('stats_days').execute();
    const inProcess = createDeskStatsByDays({ db: database.db, clock: { now: () => NOW, setTimeout: () => 0, clearTimeout: () => undefined }, timeZone: () => ATHENS });
    for (const agent of AGENTS) await inProcess.prepare(PERIOD, agent, () => Promise.resolve());
    expect(await keptDays()).toEqual(fromWorker);
  });

  it("rejects with the worker's error code, so that a full disk is told apart", async () => {
    const empty = join(dir, 'not-migrated.sqlite');
    const run = countPastDaysInWorker({ file: empty, timeZone: () => ATHENS })({ period: PERIOD, agents: AGENTS, now: NOW }, new AbortController().signal);
    const error = await run.then(() => null, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'SQLITE_ERROR' });
    expect((error as Error).message).toContain('stats_days');
  });

  it('reports a full disk as SQLITE_FULL and keeps no day', async () => {
    await seedDeskCalls(database.db);
    // SQLite's own page limit: the write fails inside SQLite, as on a full disk.
    database.sqlite.pragma(`max_page_count = ${Number(database.sqlite.pragma('page_count', { simple: true }))}`);
    const filler = database.sqlite.prepare("insert into stats_days (day_start, day_end, agent) values (?, 0, 'filler')");
    expect(() => {
      for (let n = 1; ; n++) filler.run(-n);
    }).toThrow('database or disk is full');
    const reply = await runPastDaysJob(database.db, { file, now: NOW, timeZone: ATHENS, period: PERIOD, agents: AGENTS, pauseMs: 0 });
    expect(reply).toMatchObject({ kind: 'failed', code: 'SQLITE_FULL' });
    expect(await database.db.selectFrom('stats_days').select('day_start').where('agent', '=', '*').execute()).toEqual([]);
  });

  it('stops when asked, before its reply', async () => {
    await seedDeskCalls(database.db);
    const stopping = new AbortController();
    const run = countPastDaysInWorker({ file, timeZone: () => ATHENS })({ period: PERIOD, agents: AGENTS, now: NOW }, stopping.signal);
    stopping.abort();
    await expect(run).rejects.toThrow('stopped');
  });

  it('counts a day again when the phone wrote a call after the count read its snapshot', async () => {
    await seedDeskCalls(database.db);
    const worker = connectDatabase(file);
    let overtaken = 0;
    // The phone's connection changes an old call while the other connection's day transaction reads.
    const phoneWritesMeanwhile: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: (args) => {
        if (overtaken === 0 && worker.sqlite.inTransaction) {
          overtaken++;
          database.sqlite.prepare("update calls set hold_ms = hold_ms + 7000 where id = 'k1'").run();
        }
        return Promise.resolve(args.result);
      },
    };
    try {
      const stats = createDeskStatsByDays({ db: worker.db.withPlugin(phoneWritesMeanwhile), clock: { now: () => NOW, setTimeout: () => 0, clearTimeout: () => undefined }, timeZone: () => ATHENS });
      const counted = await stats.prepare(PERIOD, null, () => Promise.resolve());
      expect(overtaken).toBe(1);
      const rows = await keptDays();
      expect(rows).toHaveLength(counted);
      for (const row of rows) expect(row.sums).toEqual(await deskSums(database.db, { from: Number(row.day_start), to: Number(row.day_end) }, null));
    } finally {
      await worker.close();
    }
  });
});
