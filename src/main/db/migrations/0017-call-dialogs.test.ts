import { describe, expect, it } from 'vitest';
import { migrateTo } from '../open-database.ts';
import { insertAnsweredCall, migrationTestDb } from './migration-test-db.ts';

describe('migration 0017: the SIP dialogs of calls in progress', () => {
  it('keeps existing calls and stores one dialog per call, with its route set and CSeq', async () => {
    const db = migrationTestDb();
    await migrateTo(db, '0016-call-media-lost');
    await insertAnsweredCall(db, 'k1');
    await migrateTo(db, '0017-call-dialogs');
    const row = { call_id: 'k1', sip_call_id: 'c@x', local_tag: 'l', remote_tag: 'r', local_uri: 'sip:100@x', remote_uri: 'sip:201@x', remote_target: 'sip:201@y', route_set: '["<sip:p;lr>"]', local_cseq: 3, stored_at: 1234 };
    await db.insertInto('call_dialogs').values(row).execute();
    await expect(db.insertInto('call_dialogs').values(row).execute()).rejects.toThrow(/UNIQUE/);
    expect(await db.selectFrom('call_dialogs').selectAll().execute()).toEqual([row]);
    expect(await db.selectFrom('calls').select('id').execute()).toEqual([{ id: 'k1' }]);
    await db.destroy();
  });
});
