import { CompiledQuery, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openCallsBefore } from '../../calls/call-repository.ts';
import type { DatabaseSchema } from '../database-schema.ts';
import { migrateTo } from '../open-database.ts';
import { migrationTestDb } from './migration-test-db.ts';

async function planOf(db: Kysely<DatabaseSchema>, startedAt: number): Promise<string> {
  const query = openCallsBefore(db, startedAt).compile();
  const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
  return plan.rows.map((row) => row.detail).join(' | ');
}

/** A history of ended calls with three left open (two before start-up, one after), as SQLite's statistics see it. */
async function historyWithOpenCalls(db: Kysely<DatabaseSchema>): Promise<void> {
  const call = (id: string, inviteAt: number, endedAt: number | null) => ({
    ...{ id, direction: 'inbound' as const, remote_number: '201', remote_e164: null, remote_display_name: '', contact_id: null, match: 'none' as const, sip_call_id: '' },
    ...{ status: endedAt === null ? ('in-progress' as const) : ('answered' as const), invite_at: inviteAt, rings: 1, answered_at: null, answer_ms: null, auto_answered: 0 },
    ...{ ended_at: endedAt, ended_by: null, end_reason: null, duration_ms: null },
  });
  const ended = Array.from({ length: 2000 }, (_, i) => call(`k${i}`, i * 1000, i * 1000 + 500));
  for (let i = 0; i < ended.length; i += 200) await db.insertInto('calls').values(ended.slice(i, i + 200)).execute();
  await db.insertInto('calls').values([call('open-1', 500_000, null), call('open-2', 1_500_000, null), call('open-after-start', 3_000_000, null)]).execute();
  await db.executeQuery(CompiledQuery.raw('analyze'));
}

describe('migration 0018: an index of the calls left open', () => {
  it('serves the start-up look-up for interrupted calls from the open calls alone, not from every call by time', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0017-call-dialogs');
    await historyWithOpenCalls(db);
    const startedAt = 2_500_000;
    const before = await planOf(db, startedAt);
    await migrateTo(db, '0018-open-calls-index');
    expect(before).not.toMatch(/calls_open_invite_at/);
    expect(await planOf(db, startedAt)).toMatch(/^SEARCH calls USING INDEX calls_open_invite_at \(invite_at<\?\)$/);
    expect((await openCallsBefore(db, startedAt).execute()).map((row) => row.id)).toEqual(['open-1', 'open-2']);
    await db.destroy();
  });

  it('is used without statistics too, on a database nobody has analysed', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0018-open-calls-index');
    expect(await planOf(db, 1)).toMatch(/USING INDEX calls_open_invite_at/);
    await db.destroy();
  });
});
