import { sql, type Kysely } from 'kysely';

/** Messages for absent colleagues (R21), sent and received, with their delivery and handling status. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('box', 'text', (c) => c.notNull().check(sql`box in ('sent', 'received')`))
    .addColumn('to_extension', 'text', (c) => c.notNull())
    .addColumn('to_name', 'text', (c) => c.notNull())
    .addColumn('from_extension', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('caller_name', 'text', (c) => c.notNull())
    .addColumn('organization', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('call_back_at', 'bigint')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('normal', 'urgent')`))
    .addColumn('mood', 'text', (c) => c.notNull().check(sql`mood in ('calm', 'upset', 'angry')`))
    .addColumn('call_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'delivered', 'new', 'read', 'called-back', 'done')`))
    .addColumn('status_by', 'text', (c) => c.notNull())
    .addColumn('status_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    // The same message id may sit in both boxes when a desk writes to itself.
    .addPrimaryKeyConstraint('messages_pk', ['id', 'box'])
    .execute();
  await db.schema.createIndex('messages_box_created').on('messages').columns(['box', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('messages').execute();
}
