import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0012: transfer legs', () => {
  it('keeps transfers, with no consult call for those made before', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0011-colleagues');
    await insertAnsweredCall(db, 'k1');
    await db.insertInto('transfers').values({ id: 't1', call_id: 'k1', at: 1, kind: 'blind', from_agent: '', target: '203', note: '', result: 'completed', detail: '', ended_at: 2 }).execute();
    await migrateTo(db, '0012-transfer-legs');
    expect(await db.selectFrom('transfers').select(['id', 'consult_call_id']).execute()).toEqual([{ id: 't1', consult_call_id: null }]);
    await db.destroy();
  });
});
