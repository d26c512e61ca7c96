import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0009: messages', () => {
  it('keeps calls and stores messages per box, refusing unknown statuses', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0008-transfers');
    await insertAnsweredCall(db, 'k1');
    await migrateTo(db, '0009-messages');
    const row = { id: 'm1', box: 'sent' as const, to_extension: '102', to_name: '', from_extension: '101', from_name: '', caller_name: 'Ольга', organization: '', phone: '', call_back_at: null, text: 'Перезвоните', urgency: 'normal' as const, mood: 'calm' as const, call_id: 'k1', created_at: 1, status: 'pending' as const, status_by: '', status_at: 1, attempts: 0, last_error: '' };
    await db.insertInto('messages').values(row).execute();
    await db.insertInto('messages').values({ ...row, box: 'received', status: 'new' }).execute();
    await expect(db.insertInto('messages').values({ ...row, id: 'm2', status: 'lost' as 'new' }).execute()).rejects.toThrow(/CHECK/);
    expect(await db.selectFrom('calls').select('id').execute()).toEqual([{ id: 'k1' }]);
    await db.destroy();
  });
});
