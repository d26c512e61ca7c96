import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0008: transfers', () => {
  it('keeps calls, stores transfers per call, refuses unknown kinds and results, and drops them with their call', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0007-hold-time');
    await insertAnsweredCall(db, 'k1');
    await migrateTo(db, '0008-transfers');
    await db.insertInto('transfers').values({ id: 't1', call_id: 'k1', at: 1, kind: 'blind', from_agent: 'sip:101@pbx', target: '203', note: '', result: 'completed', detail: '', ended_at: 2 }).execute();
    await expect(db.insertInto('transfers').values({ id: 't2', call_id: 'k1', at: 1, kind: 'teleport' as 'blind', from_agent: '', target: '203', note: '', result: 'pending', detail: '', ended_at: null }).execute()).rejects.toThrow(/CHECK/);
    await db.deleteFrom('calls').execute();
    expect(await db.selectFrom('transfers').selectAll().execute()).toEqual([]);
    await db.destroy();
  });
});
