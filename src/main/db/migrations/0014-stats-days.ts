import { sql, type Kysely } from 'kysely';

/**
 * The statistics of whole past days, kept so that a month or a year is the sum of its days
 * instead of a scan of every call (desk-stats-days.ts). Triggers forget a day whenever one of its
 * calls, their transfers or a caller's lead source changes; the next request counts it again.
 * A day is at most 25 hours long, which bounds the rows a trigger looks at.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stats_days')
    .addColumn('day_start', 'bigint', (c) => c.notNull())
    .addColumn('day_end', 'bigint', (c) => c.notNull())
    /** The agent's SIP address, or * for everyone. */
    .addColumn('agent', 'text', (c) => c.notNull())
    .addColumn('sums', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_days_pk', ['day_start', 'agent'])
    .execute();
  const forgetDayOf = (at: string) => `delete from stats_days where day_start > ${at} - 90000000 and day_start <= ${at} and day_end > ${at};`;
  const triggers = [
    `create trigger stats_days_call_insert after insert on calls begin ${forgetDayOf('new.invite_at')} end`,
    `create trigger stats_days_call_update after update on calls begin ${forgetDayOf('old.invite_at')} ${forgetDayOf('new.invite_at')} end`,
    `create trigger stats_days_call_delete after delete on calls begin ${forgetDayOf('old.invite_at')} end`,
    `create trigger stats_days_transfer_insert after insert on transfers begin ${forgetDayOf('(select invite_at from calls where id = new.call_id)')} end`,
    `create trigger stats_days_transfer_update after update on transfers begin ${forgetDayOf('(select invite_at from calls where id = old.call_id)')} ${forgetDayOf('(select invite_at from calls where id = new.call_id)')} end`,
    `create trigger stats_days_transfer_delete after delete on transfers begin ${forgetDayOf('(select invite_at from calls where id = old.call_id)')} end`,
    // Rare: a caller's lead source changes every day they called; forget them all.
    'create trigger stats_days_contact_source after update of source on contacts when old.source is not new.source begin delete from stats_days; end',
  ];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['call_insert', 'call_update', 'call_delete', 'transfer_insert', 'transfer_update', 'transfer_delete', 'contact_source']) {
    await sql.raw(`drop trigger if exists stats_days_${name}`).execute(db);
  }
  await db.schema.dropTable('stats_days').execute();
}
