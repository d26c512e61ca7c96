import { sql, type Kysely } from 'kysely';

/**
 * Guided calls: where each call is in its script (saved as the call goes), the client-card fields
 * the script captures (R8, R12, R28), and the wrap-up after hang-up (R23).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_progress')
    .addColumn('call_id', 'text', (c) => c.primaryKey().references('calls.id').onDelete('cascade'))
    .addColumn('script_id', 'text', (c) => c.notNull())
    /** JSON of CallProgress (src/shared/scripts/call-progress.ts). */
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('furthest_stage', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  for (const column of ['source', 'values_text', 'budget', 'order_volume', 'order_frequency', 'decides', 'other_deciders', 'does_not_want', 'solved_before']) {
    await db.schema.alterTable('contacts').addColumn(column, 'text', (c) => c.notNull().defaultTo('')).execute();
  }
  await db.schema.alterTable('contacts').addColumn('temperature', 'text', (c) => c.check(sql`temperature in ('hot', 'warm', 'cold')`)).execute();

  await db.schema.alterTable('calls').addColumn('next_step_at', 'bigint').execute();
  await db.schema.alterTable('calls').addColumn('next_step_what', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('calls').addColumn('next_step_who', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('calls').addColumn('wrap_up_notes', 'text', (c) => c.notNull().defaultTo('')).execute();
  /** Null while the wrap-up is pending (the call shows "wrap-up pending"). */
  await db.schema.alterTable('calls').addColumn('wrap_up_done_at', 'bigint').execute();
  /** Practice calls are recorded but left out of statistics. */
  await db.schema.alterTable('calls').addColumn('practice', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['practice', 'wrap_up_done_at', 'wrap_up_notes', 'next_step_who', 'next_step_what', 'next_step_at']) {
    await db.schema.alterTable('calls').dropColumn(column).execute();
  }
  for (const column of ['temperature', 'solved_before', 'does_not_want', 'other_deciders', 'decides', 'order_frequency', 'order_volume', 'budget', 'values_text', 'source']) {
    await db.schema.alterTable('contacts').dropColumn(column).execute();
  }
  await db.schema.dropTable('call_progress').execute();
}
