import type { Kysely } from 'kysely';

/** The colleagues directory (R20) with each one's last known status. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('colleagues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('extension', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('handles', 'text', (c) => c.notNull())
    .addColumn('presence', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('presence_at', 'bigint')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('colleagues').execute();
}
