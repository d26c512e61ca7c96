import type { Kysely } from 'kysely';

/**
 * INVITEs refused before they rang the desk (all lines busy, a flooding source, gone before the
 * first ring) are not calls: they are counted here, per hour and reason, so a flood adds a few
 * rows instead of thousands of calls in the history and the statistics.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('refused_traffic')
    .addColumn('hour_start', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'bigint', (c) => c.notNull())
    .addColumn('last_source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('refused_traffic_pk', ['hour_start', 'reason'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('refused_traffic').execute();
}
