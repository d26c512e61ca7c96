import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { deskStats } from './desk-stats.ts';
import { createDeskStatsByDays } from './desk-stats-days.ts';
import { ATHENS, HOUR, START, seedDeskCalls } from './desk-calls-seed.test-support.ts';

describe('statistics summed from whole days', () => {
  let database: OpenedDatabase;
  let now = 0;
  beforeEach(async () => {
    now = START + 12 * 24 * HOUR;
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  const seed = () => seedDeskCalls(database.db);

  const byDays = () => createDeskStatsByDays({ db: database.db, clock: { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined }, timeZone: () => ATHENS });
  const periods = [
    { from: START, to: START + 7 * 24 * HOUR + HOUR }, // a week across the DST change (one 25-hour day)
    { from: START + 5 * HOUR, to: START + 9 * 24 * HOUR + 7 * HOUR }, // ragged edges
    { from: START - 24 * HOUR, to: START + 30 * 24 * HOUR }, // past the last call and past now
  ];

  it('gives exactly what counting every call gives, for one agent and for everyone, cold and kept', async () => {
    await seed();
    const stats = byDays();
    for (const agent of [null, 'sip:101@pbx']) {
      for (const period of periods) {
        const expected = await deskStats(database.db, period, agent);
        expect(await stats(period, agent)).toEqual(expected);
        expect(await stats(period, agent)).toEqual(expected);
      }
    }
    const kept = await database.db.selectFrom('stats_days').select(['day_start', 'day_end']).where('agent', '=', '*').execute();
    // Only days that are over are kept.
    expect(kept.length).toBeGreaterThan(7);
    expect(kept.every((d) => Number(d.day_end) <= now)).toBe(true);
  });

  it('follows changes to old calls: a late wrap-up, a transfer, a lead source, a deleted call', async () => {
    const { calls, contacts, web } = await seed();
    const stats = byDays();
    const period = periods[2]!;
    await stats(period, null);
    await calls.wrapUp({ callId: 'k2', outcome: 'sold', nextStepAt: null, nextStepWhat: '', nextStepWho: '', notes: '' }, START);
    expect(await stats(period, null)).toEqual(await deskStats(database.db, period, null));
    await database.db.insertInto('transfers').values({ id: 'late', call_id: 'k3', at: START, kind: 'warm', from_agent: '', target: '204', note: '', result: 'completed', detail: '', ended_at: null }).execute();
    expect(await stats(period, null)).toEqual(await deskStats(database.db, period, null));
    await contacts.capture(web.id, 'source', 'Exhibition');
    expect((await stats(period, null)).bySource.map((s) => s.source)).toContain('Exhibition');
    expect(await stats(period, null)).toEqual(await deskStats(database.db, period, null));
    await database.db.deleteFrom('transfers').where('call_id', '=', 'k5').execute();
    await database.db.deleteFrom('calls').where('id', '=', 'k5').execute();
    expect(await stats(period, null)).toEqual(await deskStats(database.db, period, null));
  });

  it('counts a day again once it is over, not while it runs', async () => {
    await seed();
    now = START + 3 * 24 * HOUR + 2 * HOUR;
    const stats = byDays();
    await stats(periods[0]!, null);
    const kept = await database.db.selectFrom('stats_days').select('day_end').execute();
    expect(kept.map((d) => Number(d.day_end)).every((end) => end <= now)).toBe(true);
    expect(kept).toHaveLength(3);
  });

  it('prepares the past days in the background, so that the first look at a long period reads kept days', async () => {
    await seed();
    const stats = byDays();
    const period = periods[2]!;
    const pauses: number[] = [];
    const counted = await stats.prepare(period, null, () => Promise.resolve(void pauses.push(1)));
    expect(counted).toBe(pauses.length);
    expect(counted).toBeGreaterThan(7);
    expect(await stats.prepare(period, null, () => Promise.resolve())).toBe(0);
    expect(await stats(period, null)).toEqual(await deskStats(database.db, period, null));
  });

  it('on a full disk: the figures are still right, and counting ahead stops with the real reason', async () => {
    await seed();
    const stats = byDays();
    const period = periods[2]!;
    // SQLite's own limit, so the write fails inside SQLite as on a full disk (and it rolls back itself).
    database.sqlite.pragma(`max_page_count = ${Number(database.sqlite.pragma('page_count', { simple: true }))}`);
    const filler = database.sqlite.prepare("insert into stats_days (day_start, day_end, agent) values (?, 0, 'filler')");
    expect(() => {
      for (let n = 1; ; n++) filler.run(-n);
    }).toThrow('database or disk is full');
    expect(await stats(period, null)).toEqual(await deskStats(database.db, period, null));
    await expect(stats.prepare(period, null, () => Promise.resolve())).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(await database.db.selectFrom('stats_days').select('day_start').where('agent', '=', '*').execute()).toEqual([]);
  });
});
