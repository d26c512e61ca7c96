import { sql, type Kysely } from 'kysely';

/** Call-back tasks (R19, R22, R27): whom, by when, who does it, and the call that called back. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('callback_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('message', 'wrap-up', 'missed-call', 'promise')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'done')`))
    .addColumn('origin_id', 'text')
    .addColumn('callback_call_id', 'text')
    .addColumn('done_at', 'bigint')
    .execute();
  await db.schema.createIndex('callback_tasks_open_due').on('callback_tasks').columns(['status', 'due_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('callback_tasks').execute();
}
