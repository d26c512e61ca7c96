import { sql, type Kysely } from 'kysely';

/**
 * Calls without an end, by when they rang: at start-up closeInterrupted looks for these, and with
 * only calls_invite_at it walked every call ever made (0.55–0.68 s at 5,000,000 calls). A partial
 * index holds only the handful of open calls, so the look-up costs nothing however long the history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('calls_open_invite_at').on('calls').column('invite_at').where(sql.ref('ended_at'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('calls_open_invite_at').execute();
}
