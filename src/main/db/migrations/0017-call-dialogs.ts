import type { Kysely } from 'kysely';

/**
 * The SIP dialog of each call in progress (RFC 3261 §12): enough to send the far end a BYE after
 * the main side died mid-call and took the live session with it. Written when a call is
 * established, deleted when it ends; a row still here at start-up is a caller left in a call.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_dialogs')
    .addColumn('call_id', 'text', (c) => c.primaryKey())
    .addColumn('sip_call_id', 'text', (c) => c.notNull())
    .addColumn('local_tag', 'text', (c) => c.notNull())
    .addColumn('remote_tag', 'text', (c) => c.notNull())
    .addColumn('local_uri', 'text', (c) => c.notNull())
    .addColumn('remote_uri', 'text', (c) => c.notNull())
    .addColumn('remote_target', 'text', (c) => c.notNull())
    /** JSON array of the route set's header values, in order. */
    .addColumn('route_set', 'text', (c) => c.notNull())
    .addColumn('local_cseq', 'integer', (c) => c.notNull())
    .addColumn('stored_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('call_dialogs').execute();
}
