import type { Kysely } from 'kysely';

/**
 * Supervisor scoring (R29, R32): the office's scorecard (one, edited by admins; the shipped one
 * stands until then), each scored call with the card as it was used, and comments pinned to
 * moments of the recording.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scorecards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('call_scores')
    .addColumn('call_id', 'text', (c) => c.primaryKey().references('calls.id').onDelete('cascade'))
    .addColumn('agent', 'text', (c) => c.notNull())
    .addColumn('scorecard', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('max_points', 'integer', (c) => c.notNull())
    .addColumn('percent', 'integer')
    .addColumn('failed_critical', 'integer', (c) => c.notNull())
    .addColumn('scored_by', 'text', (c) => c.notNull())
    .addColumn('scored_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_scores_agent_scored_at').on('call_scores').columns(['agent', 'scored_at']).execute();
  await db.schema
    .createTable('score_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('call_scores.call_id').onDelete('cascade'))
    .addColumn('recording_id', 'text')
    .addColumn('at_ms', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('score_comments_call').on('score_comments').columns(['call_id', 'at_ms']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('score_comments').execute();
  await db.schema.dropTable('call_scores').execute();
  await db.schema.dropTable('scorecards').execute();
}
