import type { Kysely } from 'kysely';

/**
 * Scripts written or imported by the office's admin, beside the shipped ones (which stay read-only
 * files). The body is the validated script JSON; id and locale name it, as for shipped scripts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scripts')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scripts_pk', ['id', 'locale'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scripts').execute();
}
