import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0006: custom scripts', () => {
  it('keeps existing calls and adds a scripts table keyed by id and language', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0005-call-progress-and-wrap-up');
    await insertAnsweredCall(db, 'k1');
    await migrateTo(db, '0006-custom-scripts');
    expect(await db.selectFrom('calls').select('id').execute()).toEqual([{ id: 'k1' }]);
    await db.insertInto('scripts').values({ id: 'reception', locale: 'en', body: '{}', updated_at: 1, updated_by: 'admin' }).execute();
    await db.insertInto('scripts').values({ id: 'reception', locale: 'el', body: '{}', updated_at: 1, updated_by: 'admin' }).execute();
    await expect(db.insertInto('scripts').values({ id: 'reception', locale: 'en', body: '{}', updated_at: 2, updated_by: 'admin' }).execute()).rejects.toThrow(/UNIQUE/);
    await db.destroy();
  });
});
