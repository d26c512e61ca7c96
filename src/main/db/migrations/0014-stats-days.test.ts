import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0014: statistics of whole days', () => {
  it('forgets a day when one of its calls or transfers changes, and every day when a lead source changes', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0013-call-scoring');
    await insertAnsweredCall(db, 'k1'); // invite_at 1
    await migrateTo(db, '0014-stats-days');
    // The table as 0014 made it (0019 turns the sums into columns).
    const asMade = db as unknown as Kysely<{ stats_days: { day_start: number; day_end: number; agent: string; sums: string } }>;
    const day = (start: number) => ({ day_start: start, day_end: start + 86_400_000, agent: '*', sums: '{}' });
    const kept = async () => (await db.selectFrom('stats_days').select('day_start').orderBy('day_start').execute()).map((r) => Number(r.day_start));
    await asMade.insertInto('stats_days').values([day(0), day(86_400_000), day(2 * 86_400_000)]).execute();
    await db.updateTable('calls').set({ outcome: 'sold' }).where('id', '=', 'k1').execute();
    expect(await kept()).toEqual([86_400_000, 2 * 86_400_000]);
    await db.insertInto('calls').values({ id: 'k2', direction: 'inbound', status: 'missed', remote_number: '1', remote_e164: null, remote_display_name: '', contact_id: null, match: 'none', invite_at: 2 * 86_400_000 + 5, rings: 1, answered_at: null, answer_ms: null, auto_answered: 0, ended_at: null, ended_by: null, end_reason: null, duration_ms: null, sip_call_id: '' }).execute();
    expect(await kept()).toEqual([86_400_000]);
    await asMade.insertInto('stats_days').values([day(0), day(2 * 86_400_000)]).execute();
    await db.insertInto('transfers').values({ id: 't1', call_id: 'k1', at: 2, kind: 'blind', from_agent: '', target: '203', note: '', result: 'completed', detail: '', ended_at: null }).execute();
    expect(await kept()).toEqual([86_400_000, 2 * 86_400_000]);
    await db.insertInto('contacts').values({ id: 'c1', name: 'A', organization: '', position: '', email: '', category: null, notes: '', search_text: 'a', created_at: 0, updated_at: 0 }).execute();
    await db.updateTable('contacts').set({ name: 'B' }).execute();
    expect(await kept()).toHaveLength(2);
    await db.updateTable('contacts').set({ source: 'Website' }).execute();
    expect(await kept()).toEqual([]);
    await db.destroy();
  });
});
