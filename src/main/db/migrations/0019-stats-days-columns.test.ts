import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { migrationTestDb } from './migration-test-db.ts';

/** A day's sums as 0014 kept them: JSON text. */
const sumsJson = {
  incoming: 12,
  answered: 9,
  missed: 3,
  byRing3: 7,
  answerMs: 41_000,
  talkMs: 900_000,
  holdMs: 20_000,
  effective: 6,
  offers: 2,
  meetings: 1,
  deferred: 1,
  sold: 2,
  missedAtRing: [0, 1, 0, 0, 0, 0, 0, 2],
  answeredAtRing: [3, 3, 1, 1, 0, 0, 0, 1],
  answeredWithinSeconds: [4, 2, 1, 1, 0, 1],
  transfers: 1,
  bySource: { '': { incoming: 8, sold: 1 }, Website: { incoming: 4, sold: 1 } },
};

describe('migration 0019: the kept days as columns', () => {
  it('converts the JSON of kept days into columns and source rows, drops unreadable ones, and forgets sources with their day', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0018-open-calls-index');
    const asMade = db as unknown as Kysely<{ stats_days: { day_start: number; day_end: number; agent: string; sums: string } }>;
    await asMade
      .insertInto('stats_days')
      .values([
        { day_start: 0, day_end: 86_400_000, agent: '*', sums: JSON.stringify(sumsJson) },
        { day_start: 0, day_end: 86_400_000, agent: 'sip:101@pbx', sums: '{"incoming": 1}' },
        { day_start: 86_400_000, day_end: 172_800_000, agent: '*', sums: 'not json' },
      ])
      .execute();
    await migrateTo(db, '0019-stats-days-columns');

    const days = await db.selectFrom('stats_days').selectAll().execute();
    expect(days).toEqual([
      {
        day_start: 0,
        day_end: 86_400_000,
        agent: '*',
        ...{ incoming: 12, answered: 9, missed: 3, by_ring_3: 7, answer_ms: 41_000, talk_ms: 900_000, hold_ms: 20_000, effective: 6, offers: 2, meetings: 1, deferred: 1, sold: 2, transfers: 1 },
        ...{ missed_at_ring_1: 0, missed_at_ring_2: 1, missed_at_ring_3: 0, missed_at_ring_4: 0, missed_at_ring_5: 0, missed_at_ring_6: 0, missed_at_ring_7: 0, missed_at_ring_8: 2 },
        ...{ answered_at_ring_1: 3, answered_at_ring_2: 3, answered_at_ring_3: 1, answered_at_ring_4: 1, answered_at_ring_5: 0, answered_at_ring_6: 0, answered_at_ring_7: 0, answered_at_ring_8: 1 },
        ...{ answered_within_5s: 4, answered_within_10s: 2, answered_within_15s: 1, answered_within_20s: 1, answered_within_30s: 0, answered_after_30s: 1 },
      },
    ]);
    expect(await db.selectFrom('stats_day_sources').selectAll().orderBy('source').execute()).toEqual([
      { day_start: 0, agent: '*', source: '', incoming: 8, sold: 1 },
      { day_start: 0, agent: '*', source: 'Website', incoming: 4, sold: 1 },
    ]);

    // 0014's triggers forget the day when one of its calls changes; its sources go with it.
    await db.insertInto('calls').values({ id: 'k1', direction: 'inbound', status: 'missed', remote_number: '1', remote_e164: null, remote_display_name: '', contact_id: null, match: 'none', invite_at: 5, rings: 1, answered_at: null, answer_ms: null, auto_answered: 0, ended_at: null, ended_by: null, end_reason: null, duration_ms: null, sip_call_id: '' }).execute();
    expect(await db.selectFrom('stats_days').select('day_start').execute()).toEqual([]);
    expect(await db.selectFrom('stats_day_sources').select('source').execute()).toEqual([]);
    await db.destroy();
  });

  it('goes back to the JSON of 0014 with the same sums', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0018-open-calls-index');
    const asMade = db as unknown as Kysely<{ stats_days: { day_start: number; day_end: number; agent: string; sums: string } }>;
    await asMade.insertInto('stats_days').values({ day_start: 0, day_end: 86_400_000, agent: '*', sums: JSON.stringify(sumsJson) }).execute();
    await migrateTo(db, '0019-stats-days-columns');
    await migrateTo(db, '0018-open-calls-index');
    const rows = await asMade.selectFrom('stats_days').selectAll().execute();
    expect(rows.map((r) => ({ ...r, sums: JSON.parse(r.sums) as unknown }))).toEqual([{ day_start: 0, day_end: 86_400_000, agent: '*', sums: sumsJson }]);
    expect(await sql`select name from sqlite_master where name = 'stats_day_sources'`.execute(db)).toMatchObject({ rows: [] });
    await db.destroy();
  });
});
