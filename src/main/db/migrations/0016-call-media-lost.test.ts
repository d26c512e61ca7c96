import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0016: when a call lost the window carrying its audio', () => {
  it('keeps existing calls, none of them marked, and stores the moment for a call that lost it', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0014-stats-days');
    await insertAnsweredCall(db, 'k1');
    await insertAnsweredCall(db, 'k2');
    await migrateTo(db, '0016-call-media-lost');
    await db.updateTable('calls').set({ media_lost_at: 1234 }).where('id', '=', 'k2').execute();
    expect(await db.selectFrom('calls').select(['id', 'media_lost_at']).orderBy('id').execute()).toEqual([
      { id: 'k1', media_lost_at: null },
      { id: 'k2', media_lost_at: 1234 },
    ]);
    await db.destroy();
  });
});
