import type { Kysely } from 'kysely';

/** How long the caller waited on hold by this desk (R18; the dashboard's hold time). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calls').addColumn('hold_ms', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calls').dropColumn('hold_ms').execute();
}
