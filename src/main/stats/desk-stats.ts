import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ANSWER_SECOND_BUCKETS, type DeskStats, type Period } from '../../shared/ipc/stats.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

/** Rings shown one by one; later ones are counted in the last place. */
const RING_PLACES = 8;

/**
 * Incoming calls of the period (and agent, when given), aggregated in SQLite so a year of calls
 * is a few index scans, not rows in memory. Practice calls are rehearsals and never count.
 */
export async function deskStats(db: Kysely<DatabaseSchema>, period: Period, agent: string | null): Promise<DeskStats> {
  return deskStatsOf(await deskSums(db, period, agent));
}

/**
 * The counts and sums behind the statistics, which add up across periods: a long period is the
 * sum of its days (see desk-stats-days.ts).
 */
export interface DeskSums {
  incoming: number;
  answered: number;
  missed: number;
  byRing3: number;
  answerMs: number;
  talkMs: number;
  holdMs: number;
  effective: number;
  offers: number;
  meetings: number;
  deferred: number;
  sold: number;
  missedAtRing: number[];
  answeredAtRing: number[];
  answeredWithinSeconds: number[];
  transfers: number;
  bySource: Record<string, { incoming: number; sold: number }>;
}

export async function deskSums(db: Kysely<DatabaseSchema>, period: Period, agent: string | null): Promise<DeskSums> {
  const queries = deskStatsQueries(db, period, agent);
  const [totals, rings, seconds, transfers, sources] = await Promise.all([
    queries.totals.executeTakeFirstOrThrow(),
    queries.rings.execute(),
    queries.seconds.execute(),
    queries.transfers.executeTakeFirstOrThrow(),
    queries.sources.execute(),
  ]);
  const missedAtRing = new Array<number>(RING_PLACES).fill(0);
  const answeredAtRing = new Array<number>(RING_PLACES).fill(0);
  for (const r of rings) (r.status === 'missed' ? missedAtRing : answeredAtRing)[r.place - 1] = r.n;
  const answeredWithinSeconds = new Array<number>(ANSWER_SECOND_BUCKETS.length + 1).fill(0);
  for (const b of seconds) answeredWithinSeconds[b.bucket] = b.n;
  return {
    incoming: totals.incoming,
    answered: totals.answered,
    missed: totals.missed,
    byRing3: totals.by_ring_3,
    answerMs: totals.answer_ms,
    talkMs: totals.talk_ms,
    holdMs: totals.hold_ms,
    effective: totals.effective,
    offers: totals.offers,
    meetings: totals.meetings,
    deferred: totals.deferred,
    sold: totals.sold,
    missedAtRing,
    answeredAtRing,
    answeredWithinSeconds,
    transfers: transfers.n,
    bySource: Object.fromEntries(sources.map((r) => [r.source, { incoming: r.incoming, sold: r.sold }])),
  };
}

export function emptyDeskSums(): DeskSums {
  return {
    incoming: 0,
    answered: 0,
    missed: 0,
    byRing3: 0,
    answerMs: 0,
    talkMs: 0,
    holdMs: 0,
    effective: 0,
    offers: 0,
    meetings: 0,
    deferred: 0,
    sold: 0,
    missedAtRing: new Array<number>(RING_PLACES).fill(0),
    answeredAtRing: new Array<number>(RING_PLACES).fill(0),
    answeredWithinSeconds: new Array<number>(ANSWER_SECOND_BUCKETS.length + 1).fill(0),
    transfers: 0,
    bySource: {},
  };
}

/** Adds `more` into `into` (which it returns). */
export function addDeskSums(into: DeskSums, more: DeskSums): DeskSums {
  const scalars = ['incoming', 'answered', 'missed', 'byRing3', 'answerMs', 'talkMs', 'holdMs', 'effective', 'offers', 'meetings', 'deferred', 'sold', 'transfers'] as const;
  for (const key of scalars) into[key] += more[key];
  const lists = ['missedAtRing', 'answeredAtRing', 'answeredWithinSeconds'] as const;
  for (const key of lists) more[key].forEach((n, i) => (into[key][i] = (into[key][i] ?? 0) + n));
  for (const [source, counts] of Object.entries(more.bySource)) {
    const sum = (into.bySource[source] ??= { incoming: 0, sold: 0 });
    sum.incoming += counts.incoming;
    sum.sold += counts.sold;
  }
  return into;
}

/** The dashboard's figures from the sums: shares, averages, conversion. */
export function deskStatsOf(sums: DeskSums): DeskStats {
  const { incoming, answered } = sums;
  return {
    incoming,
    answered,
    missed: sums.missed,
    missedAtRing: sums.missedAtRing,
    answeredAtRing: sums.answeredAtRing,
    answeredWithinSeconds: sums.answeredWithinSeconds,
    answeredByRing3Share: answered === 0 ? null : sums.byRing3 / answered,
    averageAnswerMs: answered === 0 ? null : Math.round(sums.answerMs / answered),
    talkMs: sums.talkMs,
    holdMs: sums.holdMs,
    transfers: sums.transfers,
    transfersPerCall: incoming === 0 ? null : sums.transfers / incoming,
    funnel: { effective: sums.effective, offers: sums.offers, meetings: sums.meetings, deferred: sums.deferred, sold: sums.sold },
    conversion: incoming === 0 ? null : sums.sold / incoming,
    bySource: Object.entries(sums.bySource)
      .map(([source, s]) => ({ source, incoming: s.incoming, sold: s.sold }))
      .sort((a, b) => b.incoming - a.incoming || a.source.localeCompare(b.source)),
  };
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
  // Counted as `sum(case when … then 1 else 0 end)`, not SQLite's sum of a comparison: any SQL database takes it.
  const count = (condition: RawBuilder<unknown>) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  return {
    totals: counted()
      .select([
        sql<number>`count(*)`.as('incoming'),
        count(answered).as('answered'),
        count(sql`calls.status = 'missed'`).as('missed'),
        count(sql`${answered} and calls.rings <= 3`).as('by_ring_3'),
        sql<number>`coalesce(sum(case when ${answered} then calls.answer_ms end), 0)`.as('answer_ms'),
        sql<number>`coalesce(sum(case when ${answered} then calls.duration_ms end), 0)`.as('talk_ms'),
        sql<number>`coalesce(sum(calls.hold_ms), 0)`.as('hold_ms'),
        count(sql`${answered} and calls.outcome is not null and calls.outcome != 'not-a-target'`).as('effective'),
        count(sql`${answered} and calls.outcome = 'offer-sent'`).as('offers'),
        count(sql`${answered} and calls.outcome = 'meeting-booked'`).as('meetings'),
        count(sql`${answered} and calls.outcome = 'deferred'`).as('deferred'),
        count(sql`${answered} and calls.outcome = 'sold'`).as('sold'),
      ]),
    rings: counted()
      .where('calls.status', 'in', ['answered', 'missed'])
      .select(['calls.status', sql<number>`case when calls.rings < 1 then 1 when calls.rings > ${RING_PLACES} then ${RING_PLACES} else calls.rings end`.as('place'), sql<number>`count(*)`.as('n')])
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
      .select([sql<string>`coalesce(contacts.source, '')`.as('source'), sql<number>`count(*)`.as('incoming'), count(sql`${answered} and calls.outcome = 'sold'`).as('sold')])
      .groupBy('source'),
  };
}
