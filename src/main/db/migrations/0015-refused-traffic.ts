import { sql, type Kysely } from 'kysely';

/** Rows earlier versions stored for INVITEs that never rang: refused busy, or gone before ring 1. */
const NEVER_RANG = sql`direction = 'inbound' and practice = 0 and rings = 0 and answered_at is null and status in ('missed', 'rejected')`;

/**
 * INVITEs refused before they rang the desk (all lines busy, a flooding source, gone before the
 * first ring) are not calls: they are counted here, per hour and reason, so a flood adds a few
 * rows instead of thousands of calls in the history and the statistics. The rows earlier versions
 * stored for them move here (their number is not kept: nobody could have answered them).
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
  await sql`
    insert into refused_traffic (hour_start, reason, count, last_at, last_source)
    select (invite_at / 3600000) * 3600000 as hour_start, case when end_reason = 'busy' then 'busy' else 'gone-before-ringing' end as why, count(*), max(invite_at), ''
    from calls where ${NEVER_RANG} group by hour_start, why`.execute(db);
  await sql`delete from calls where ${NEVER_RANG}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('refused_traffic').execute();
}
