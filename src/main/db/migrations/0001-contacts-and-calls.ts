import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organization', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.check(sql`category in ('A', 'B', 'C')`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contact_phones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // One number belongs to one contact: the screen pop must be unambiguous.
  await db.schema.createIndex('contact_phones_number').unique().on('contact_phones').column('number').execute();
  await db.schema.createIndex('contact_phones_contact').on('contact_phones').column('contact_id').execute();

  await db.schema
    .createTable('calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('remote_number', 'text', (c) => c.notNull())
    .addColumn('remote_e164', 'text')
    .addColumn('remote_display_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('match', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('invite_at', 'bigint', (c) => c.notNull())
    .addColumn('rings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered_at', 'bigint')
    .addColumn('answer_ms', 'integer')
    .addColumn('auto_answered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ended_at', 'bigint')
    .addColumn('ended_by', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('sip_call_id', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('calls_invite_at').on('calls').column('invite_at').execute();
  await db.schema.createIndex('calls_contact_invite_at').on('calls').columns(['contact_id', 'invite_at']).execute();
  await db.schema.createIndex('calls_remote_e164_invite_at').on('calls').columns(['remote_e164', 'invite_at']).execute();
  await db.schema.createIndex('calls_status_invite_at').on('calls').columns(['status', 'invite_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calls').execute();
  await db.schema.dropTable('contact_phones').execute();
  await db.schema.dropTable('contacts').execute();
}
