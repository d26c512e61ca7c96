import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0011: colleagues', () => {
  it('keeps calls and holds each extension once', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0010-callback-tasks');
    await insertAnsweredCall(db, 'k1');
    await migrateTo(db, '0011-colleagues');
    await db.insertInto('colleagues').values({ id: 'c1', name: 'Nikos', extension: '102', role: 'Sales', handles: 'quotes', presence: 'unknown', presence_at: null }).execute();
    await expect(db.insertInto('colleagues').values({ id: 'c2', name: 'Other', extension: '102', role: '', handles: '', presence: 'unknown', presence_at: null }).execute()).rejects.toThrow(/UNIQUE/);
    expect(await db.selectFrom('calls').select('id').execute()).toEqual([{ id: 'k1' }]);
    await db.destroy();
  });
});
