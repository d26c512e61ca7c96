import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DatabaseSchema } from '../database-schema.ts';
import { NO_MIGRATIONS, migrateTo } from '../open-database.ts';

describe('migration 0001: contacts and calls', () => {
  it('creates contacts, phones and calls with a unique, indexed phone number', async () => {
    const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    await migrateTo(db, NO_MIGRATIONS);
    await expect(db.selectFrom('contacts').selectAll().execute()).rejects.toThrow(/no such table/);

    await migrateTo(db, '0001-contacts-and-calls');
    await db.insertInto('contacts').values({ id: 'c1', name: 'Ηλίας', organization: '', position: '', email: '', category: 'A', notes: '', search_text: 'ηλιας', created_at: 1, updated_at: 1 }).execute();
    await db.insertInto('contact_phones').values({ id: 'p1', contact_id: 'c1', number: '+302101234567', label: 'work', position: 0 }).execute();
    await expect(
      db.insertInto('contact_phones').values({ id: 'p2', contact_id: 'c1', number: '+302101234567', label: '', position: 1 }).execute(),
    ).rejects.toThrow(/UNIQUE/);
    await expect(
      db.insertInto('contacts').values({ id: 'c2', name: 'x', organization: '', position: '', email: '', category: 'Z' as 'A', notes: '', search_text: '', created_at: 1, updated_at: 1 }).execute(),
    ).rejects.toThrow(/CHECK/);
    await db
      .insertInto('calls')
      .values({ id: 'k1', direction: 'inbound', status: 'missed', remote_number: '2101234567', remote_e164: '+302101234567', remote_display_name: '', contact_id: 'c1', match: 'number', invite_at: 10, rings: 1, answered_at: null, answer_ms: null, auto_answered: 0, ended_at: 12, ended_by: 'caller', end_reason: 'missed', duration_ms: null, sip_call_id: 'x' })
      .execute();
    const row = await db.selectFrom('calls').select(['rings', 'ended_by']).executeTakeFirstOrThrow();
    expect(row).toEqual({ rings: 1, ended_by: 'caller' });
    await db.destroy();
  });
});
