import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0002: recordings', () => {
  it('adds recordings tied to an existing call, removed with it', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0001-contacts-and-calls');
    await insertAnsweredCall(db, 'k1');
    await expect(db.selectFrom('recordings').selectAll().execute()).rejects.toThrow(/no such table/);

    await migrateTo(db, '0002-recordings');
    await db.insertInto('recordings').values({ id: 'r1', call_id: 'k1', file: 'recordings/k1.webm', mime_type: 'audio/webm', status: 'final', started_at: 2, finished_at: 3, duration_ms: 1, bytes: 10, chunks: 1, sha256: 'ab' }).execute();
    await expect(db.insertInto('recordings').values({ id: 'r2', call_id: 'nope', file: 'x', mime_type: 'audio/webm', status: 'recording', started_at: 1, finished_at: null, duration_ms: null, bytes: 0, chunks: 0, sha256: null }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await db.deleteFrom('calls').where('id', '=', 'k1').execute();
    expect(await db.selectFrom('recordings').selectAll().execute()).toEqual([]);
    await db.destroy();
  });
});
