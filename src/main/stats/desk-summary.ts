import { sql, type Kysely } from 'kysely';
import type { DeskSummary, Period } from '../../shared/ipc/stats.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

/** Incoming calls of the period, practice calls left out (they are rehearsals, not the desk's work). */
export async function deskSummary(db: Kysely<DatabaseSchema>, period: Period): Promise<DeskSummary> {
  const row = await db
    .selectFrom('calls')
    .where('direction', '=', 'inbound')
    .where('practice', '=', 0)
    .where('invite_at', '>=', period.from)
    .where('invite_at', '<', period.to)
    .select([
      sql<number>`count(*)`.as('incoming'),
      sql<number>`coalesce(sum(status = 'answered'), 0)`.as('answered'),
      sql<number>`coalesce(sum(status = 'missed'), 0)`.as('missed'),
      sql<number>`coalesce(sum(status = 'answered' and rings <= 3), 0)`.as('answered_by_ring_3'),
      sql<number | null>`avg(case when status = 'answered' then answer_ms end)`.as('average_answer_ms'),
      sql<number>`coalesce(sum(case when status = 'answered' then duration_ms end), 0)`.as('talk_ms'),
    ])
    .executeTakeFirstOrThrow();
  return {
    incoming: row.incoming,
    answered: row.answered,
    missed: row.missed,
    answeredByRing3: row.answered_by_ring_3,
    averageAnswerMs: row.average_answer_ms === null ? null : Math.round(row.average_answer_ms),
    talkMs: row.talk_ms,
  };
}
