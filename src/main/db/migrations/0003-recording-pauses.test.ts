import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0003: recording pauses', () => {
  it('adds the pause audit trail for existing calls', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0002-recordings');
    await insertAnsweredCall(db, 'k1');
    await expect(db.selectFrom('recording_pauses').selectAll().execute()).rejects.toThrow(/no such table/);
    await migrateTo(db, '0003-recording-pauses');
    await db.insertInto('recording_pauses').values({ id: 'p1', call_id: 'k1', paused_by: 'sip:101@pbx', paused_at: 10, resumed_at: null }).execute();
    expect(await db.selectFrom('recording_pauses').select(['paused_by', 'resumed_at']).execute()).toEqual([{ paused_by: 'sip:101@pbx', resumed_at: null }]);
    await db.destroy();
  });
});
