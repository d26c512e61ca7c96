import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DatabaseSchema } from '../database-schema.ts';

/** An in-memory database with foreign keys on, for migrating step by step in tests. */
export function migrationTestDb(): Kysely<DatabaseSchema> {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** An answered call as migration 0001 stores it, for later migrations that refer to calls. */
export async function insertAnsweredCall(db: Kysely<DatabaseSchema>, id: string): Promise<void> {
  await db
    .insertInto('calls')
    .values({ id, direction: 'inbound', status: 'answered', remote_number: '201', remote_e164: null, remote_display_name: '', contact_id: null, match: 'none', invite_at: 1, rings: 2, answered_at: 2, answer_ms: 1, auto_answered: 1, ended_at: 3, ended_by: 'caller', end_reason: 'caller-hung-up', duration_ms: 1, sip_call_id: '' })
    .execute();
}
