import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0005: call progress, captured card fields, wrap-up', () => {
  it('keeps existing calls (wrap-up pending, not practice) and contacts (fields empty)', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0004-admin-audit-and-call-details');
    await insertAnsweredCall(db, 'k1');
    await db.insertInto('contacts').values({ id: 'c1', name: 'Ηλίας', organization: '', position: '', email: '', category: null, notes: '', search_text: 'ηλιας', created_at: 1, updated_at: 1 }).execute();
    await migrateTo(db, '0005-call-progress-and-wrap-up');
    expect(await db.selectFrom('calls').select(['wrap_up_done_at', 'practice', 'next_step_what']).execute()).toEqual([{ wrap_up_done_at: null, practice: 0, next_step_what: '' }]);
    expect(await db.selectFrom('contacts').select(['budget', 'temperature']).execute()).toEqual([{ budget: '', temperature: null }]);
    await expect(db.updateTable('contacts').set({ temperature: 'tepid' as 'hot' }).execute()).rejects.toThrow(/CHECK constraint/);
    await db.insertInto('call_progress').values({ call_id: 'k1', script_id: 's', progress: '{}', furthest_stage: 'greeting', updated_at: 2 }).execute();
    await db.deleteFrom('calls').execute();
    expect(await db.selectFrom('call_progress').selectAll().execute()).toEqual([]);
    await db.destroy();
  });
});
