import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0010: call-back tasks', () => {
  it('keeps calls and stores tasks, refusing unknown sources', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0009-messages');
    await insertAnsweredCall(db, 'k1');
    await migrateTo(db, '0010-callback-tasks');
    const task = { id: 't1', created_at: 1, source: 'missed-call' as const, name: 'Ольга', number: '201', due_at: 2, owner: '', note: '', status: 'open' as const, origin_id: 'k1', callback_call_id: null, done_at: null };
    await db.insertInto('callback_tasks').values(task).execute();
    await expect(db.insertInto('callback_tasks').values({ ...task, id: 't2', source: 'rumour' as 'promise' }).execute()).rejects.toThrow(/CHECK/);
    expect(await db.selectFrom('calls').select('id').execute()).toEqual([{ id: 'k1' }]);
    await db.destroy();
  });
});
