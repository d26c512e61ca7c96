import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recordings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    /** Path relative to the data folder. */
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    /** recording → final, or recovered after a crash. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .addColumn('duration_ms', 'integer')
    .addColumn('bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('chunks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sha256', 'text')
    .execute();
  await db.schema.createIndex('recordings_call').on('recordings').column('call_id').execute();
  await db.schema.createIndex('recordings_status').on('recordings').column('status').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recordings').execute();
}
