import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DatabaseSchema } from '../database-schema.ts';
import { migrateTo } from '../open-database.ts';

describe('migration 0003: recording pauses', () => {
  it('adds the pause audit trail for existing calls', async () => {
    const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    await migrateTo(db, '0002-recordings');
    await db
      .insertInto('calls')
      .values({ id: 'k1', direction: 'inbound', status: 'answered', remote_number: '201', remote_e164: null, remote_display_name: '', contact_id: null, match: 'none', invite_at: 1, rings: 2, answered_at: 2, answer_ms: 1, auto_answered: 1, ended_at: 3, ended_by: 'caller', end_reason: 'caller-hung-up', duration_ms: 1, sip_call_id: '' })
      .execute();
    await expect(db.selectFrom('recording_pauses').selectAll().execute()).rejects.toThrow(/no such table/);
    await migrateTo(db, '0003-recording-pauses');
    await db.insertInto('recording_pauses').values({ id: 'p1', call_id: 'k1', paused_by: 'sip:101@pbx', paused_at: 10, resumed_at: null }).execute();
    expect(await db.selectFrom('recording_pauses').select(['paused_by', 'resumed_at']).execute()).toEqual([{ paused_by: 'sip:101@pbx', resumed_at: null }]);
    await db.destroy();
  });
});
