import { sql, type Kysely } from 'kysely';
import { ANSWER_SECOND_BUCKETS, type DeskStats, type Period } from '../../shared/ipc/stats.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

/** Rings shown one by one; later ones are counted in the last place. */
const RING_PLACES = 8;

/**
 * Incoming calls of the period (and agent, when given), aggregated in SQLite so a year of calls
 * is a few index scans, not rows in memory. Practice calls are rehearsals and never count.
 */
export async function deskStats(db: Kysely<DatabaseSchema>, period: Period, agent: string | null): Promise<DeskStats> {
  const queries = deskStatsQueries(db, period, agent);
  const [totals, rings, seconds, transfers, sources] = await Promise.all([
    queries.totals.executeTakeFirstOrThrow(),
    queries.rings.execute(),
    queries.seconds.execute(),
    queries.transfers.executeTakeFirstOrThrow(),
    queries.sources.execute(),
  ]);
  return assemble({ totals, rings, seconds, transfers, sources });
}

/** The dashboard's queries, by name: run by deskStats, and one by one (with their plans) by the benchmark. */
export function deskStatsQueries(db: Kysely<DatabaseSchema>, period: Period, agent: string | null) {
  const counted = () => {
    let q = db
      .selectFrom('calls')
      .where('calls.direction', '=', 'inbound')
      .where('calls.practice', '=', 0)
      .where('calls.invite_at', '>=', period.from)
      .where('calls.invite_at', '<', period.to);
    if (agent !== null) q = q.where('calls.agent', '=', agent);
    return q;
  };
  const answered = sql<boolean>`calls.status = 'answered'`;
  return {
    totals: counted()
      .select([
        sql<number>`count(*)`.as('incoming'),
        sql<number>`coalesce(sum(${answered}), 0)`.as('answered'),
        sql<number>`coalesce(sum(calls.status = 'missed'), 0)`.as('missed'),
        sql<number>`coalesce(sum(${answered} and calls.rings <= 3), 0)`.as('by_ring_3'),
        sql<number>`coalesce(sum(case when ${answered} then calls.answer_ms end), 0)`.as('answer_ms'),
        sql<number>`coalesce(sum(case when ${answered} then calls.duration_ms end), 0)`.as('talk_ms'),
        sql<number>`coalesce(sum(calls.hold_ms), 0)`.as('hold_ms'),
        sql<number>`coalesce(sum(${answered} and calls.outcome is not null and calls.outcome != 'not-a-target'), 0)`.as('effective'),
        sql<number>`coalesce(sum(${answered} and calls.outcome = 'offer-sent'), 0)`.as('offers'),
        sql<number>`coalesce(sum(${answered} and calls.outcome = 'meeting-booked'), 0)`.as('meetings'),
        sql<number>`coalesce(sum(${answered} and calls.outcome = 'deferred'), 0)`.as('deferred'),
        sql<number>`coalesce(sum(${answered} and calls.outcome = 'sold'), 0)`.as('sold'),
      ]),
    rings: counted()
      .where('calls.status', 'in', ['answered', 'missed'])
      .select(['calls.status', sql<number>`min(max(calls.rings, 1), ${RING_PLACES})`.as('place'), sql<number>`count(*)`.as('n')])
      .groupBy(['calls.status', 'place']),
    seconds: counted()
      .where('calls.status', '=', 'answered')
      .select([
        sql<number>`case ${sql.join(ANSWER_SECOND_BUCKETS.map((limit, i) => sql`when coalesce(calls.answer_ms, 0) <= ${limit * 1000} then ${i}`), sql` `)} else ${ANSWER_SECOND_BUCKETS.length} end`.as('bucket'),
        sql<number>`count(*)`.as('n'),
      ])
      .groupBy('bucket'),
    transfers: counted()
      .innerJoin('transfers', 'transfers.call_id', 'calls.id')
      .select(sql<number>`count(*)`.as('n')),
    sources: counted()
      .leftJoin('contacts', 'contacts.id', 'calls.contact_id')
      .select([sql<string>`coalesce(contacts.source, '')`.as('source'), sql<number>`count(*)`.as('incoming'), sql<number>`coalesce(sum(${answered} and calls.outcome = 'sold'), 0)`.as('sold')])
      .groupBy('source'),
  };
}

type Rows<Q> = Q extends { execute(): Promise<(infer R)[]> } ? R : never;
type DeskStatsQueries = ReturnType<typeof deskStatsQueries>;

function assemble(results: { [K in keyof DeskStatsQueries]: K extends 'totals' | 'transfers' ? Rows<DeskStatsQueries[K]> : Rows<DeskStatsQueries[K]>[] }): DeskStats {
  const { totals, rings, seconds, transfers, sources } = results;
  const missedAtRing = new Array<number>(RING_PLACES).fill(0);
  const answeredAtRing = new Array<number>(RING_PLACES).fill(0);
  for (const r of rings) (r.status === 'missed' ? missedAtRing : answeredAtRing)[r.place - 1] = r.n;
  const answeredWithinSeconds = new Array<number>(ANSWER_SECOND_BUCKETS.length + 1).fill(0);
  for (const s of seconds) answeredWithinSeconds[s.bucket] = s.n;
  const { incoming } = totals;
  return {
    incoming,
    answered: totals.answered,
    missed: totals.missed,
    missedAtRing,
    answeredAtRing,
    answeredWithinSeconds,
    answeredByRing3Share: totals.answered === 0 ? null : totals.by_ring_3 / totals.answered,
    averageAnswerMs: totals.answered === 0 ? null : Math.round(totals.answer_ms / totals.answered),
    talkMs: totals.talk_ms,
    holdMs: totals.hold_ms,
    transfers: transfers.n,
    transfersPerCall: incoming === 0 ? null : transfers.n / incoming,
    funnel: { effective: totals.effective, offers: totals.offers, meetings: totals.meetings, deferred: totals.deferred, sold: totals.sold },
    conversion: incoming === 0 ? null : totals.sold / incoming,
    bySource: sources.map((s) => ({ source: s.source, incoming: s.incoming, sold: s.sold })).sort((a, b) => b.incoming - a.incoming || a.source.localeCompare(b.source)),
  };
}
