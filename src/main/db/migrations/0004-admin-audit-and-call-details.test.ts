import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0004: admin PIN, audit log and call details', () => {
  it('keeps existing calls, giving them an empty agent and no outcome or consent', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0003-recording-pauses');
    await insertAnsweredCall(db, 'k1');
    await migrateTo(db, '0004-admin-audit-and-call-details');
    expect(await db.selectFrom('calls').select(['id', 'agent', 'outcome', 'consent_announcement', 'consent_beep_seconds']).execute()).toEqual([
      { id: 'k1', agent: '', outcome: null, consent_announcement: null, consent_beep_seconds: null },
    ]);
    await db.insertInto('audit_log').values({ id: 'a1', at: 5, actor: 'sip:101@pbx', action: 'export', details: '{}' }).execute();
    expect(await db.selectFrom('audit_log').select('action').execute()).toEqual([{ action: 'export' }]);
    await db.destroy();
  });

  it('holds at most one admin PIN', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0004-admin-audit-and-call-details');
    await db.insertInto('admin_pin').values({ id: 1, hash: 'h', salt: 's', set_at: 1 }).execute();
    await expect(db.insertInto('admin_pin').values({ id: 2, hash: 'h', salt: 's', set_at: 1 }).execute()).rejects.toThrow(/CHECK constraint/);
    await db.destroy();
  });
});
