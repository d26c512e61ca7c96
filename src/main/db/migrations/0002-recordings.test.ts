import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DatabaseSchema } from '../database-schema.ts';
import { migrateTo } from '../open-database.ts';

describe('migration 0002: recordings', () => {
  it('adds recordings tied to an existing call, removed with it', async () => {
    const sqlite = new Database(':memory:');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateTo(db, '0001-contacts-and-calls');
    await db
      .insertInto('calls')
      .values({ id: 'k1', direction: 'inbound', status: 'answered', remote_number: '201', remote_e164: null, remote_display_name: '', contact_id: null, match: 'none', invite_at: 1, rings: 2, answered_at: 2, answer_ms: 1, auto_answered: 1, ended_at: 3, ended_by: 'caller', end_reason: 'caller-hung-up', duration_ms: 1, sip_call_id: '' })
      .execute();
    await expect(db.selectFrom('recordings').selectAll().execute()).rejects.toThrow(/no such table/);

    await migrateTo(db, '0002-recordings');
    await db.insertInto('recordings').values({ id: 'r1', call_id: 'k1', file: 'recordings/k1.webm', mime_type: 'audio/webm', status: 'final', started_at: 2, finished_at: 3, duration_ms: 1, bytes: 10, chunks: 1, sha256: 'ab' }).execute();
    await expect(db.insertInto('recordings').values({ id: 'r2', call_id: 'nope', file: 'x', mime_type: 'audio/webm', status: 'recording', started_at: 1, finished_at: null, duration_ms: null, bytes: 0, chunks: 0, sha256: null }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await db.deleteFrom('calls').where('id', '=', 'k1').execute();
    expect(await db.selectFrom('recordings').selectAll().execute()).toEqual([]);
    await db.destroy();
  });
});
