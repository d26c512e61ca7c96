import { sql, type Kysely } from 'kysely';

/** Each transfer of a call (R20): who, to whom, blind or warm, the hand-off note, and how it ended. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('blind', 'warm')`))
    .addColumn('from_agent', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('pending', 'completed', 'failed', 'declined', 'cancelled')`))
    /** The far end's words when it did not work ("486 Busy Here"). */
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema.createIndex('transfers_call').on('transfers').column('call_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('transfers').execute();
}
