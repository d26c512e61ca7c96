import { sql, type Kysely } from 'kysely';

/**
 * Admin-only actions and what they need: the admin PIN, the audit log of exports, deletions and
 * policy changes, and per call the agent who took it, its wrap-up outcome and what the caller was
 * told about recording (consent).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    /** Who did it: the desk's SIP address, or "command line". */
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    /** JSON: the filter, the counts, the files. */
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

  await db.schema
    .createTable('admin_pin')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    /** scrypt of the PIN; the PIN itself is never stored. */
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('set_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('calls').addColumn('agent', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('calls').addColumn('outcome', 'text').execute();
  /** "off", "bundled:en" or "custom:<file name>": what was played before recording started. */
  await db.schema.alterTable('calls').addColumn('consent_announcement', 'text').execute();
  await db.schema.alterTable('calls').addColumn('consent_beep_seconds', 'integer').execute();
  await db.schema.createIndex('calls_agent_invite').on('calls').columns(['agent', 'invite_at']).execute();
  await db.schema.createIndex('recordings_started').on('recordings').column('started_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('recordings_started').execute();
  await db.schema.dropIndex('calls_agent_invite').execute();
  for (const column of ['consent_beep_seconds', 'consent_announcement', 'outcome', 'agent']) {
    await db.schema.alterTable('calls').dropColumn(column).execute();
  }
  await db.schema.dropTable('admin_pin').execute();
  await db.schema.dropTable('audit_log').execute();
}
