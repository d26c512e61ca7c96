import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0007: hold time', () => {
  it('gives existing calls no hold time and keeps them', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0006-custom-scripts');
    await insertAnsweredCall(db, 'k1');
    await migrateTo(db, '0007-hold-time');
    expect(await db.selectFrom('calls').select(['id', 'hold_ms']).execute()).toEqual([{ id: 'k1', hold_ms: 0 }]);
    await db.destroy();
  });
});
