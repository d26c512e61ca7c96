import type { Kysely } from 'kysely';

/**
 * A warm transfer's consult call is a call of its own (with its own recording): the transfer
 * links it to the call it was made for, so each leg can be found from the other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('transfers').addColumn('consult_call_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('transfers').dropColumn('consult_call_id').execute();
}
