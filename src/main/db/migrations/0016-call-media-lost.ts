import type { Kysely } from 'kysely';

/**
 * When the window carrying a call's audio went away during the call (a closed or crashed tab):
 * the recording of the call stops there, so a call with this set has its recording cut short,
 * whether a window took the call back or not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calls').addColumn('media_lost_at', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calls').dropColumn('media_lost_at').execute();
}
