import type { Kysely } from 'kysely';

/** The audit trail of paused recordings: who paused, when, for how long. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recording_pauses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('paused_by', 'text', (c) => c.notNull())
    .addColumn('paused_at', 'bigint', (c) => c.notNull())
    .addColumn('resumed_at', 'bigint')
    .execute();
  await db.schema.createIndex('recording_pauses_call').on('recording_pauses').columns(['call_id', 'paused_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recording_pauses').execute();
}
