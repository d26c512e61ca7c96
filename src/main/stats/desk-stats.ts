import { sql, type Kysely } from 'kysely';
import { ANSWER_SECOND_BUCKETS, type DeskStats, type Period } from '../../shared/ipc/stats.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

/** Rings shown one by one; later ones are counted in the last place. */
const RING_PLACES = 8;

/** Incoming calls of the period (and agent, when given): practice calls are rehearsals and never count. */
export async function deskStats(db: Kysely<DatabaseSchema>, period: Period, agent: string | null): Promise<DeskStats> {
  let calls = db
    .selectFrom('calls')
    .leftJoin('contacts', 'contacts.id', 'calls.contact_id')
    .where('calls.direction', '=', 'inbound')
    .where('calls.practice', '=', 0)
    .where('calls.invite_at', '>=', period.from)
    .where('calls.invite_at', '<', period.to);
  if (agent !== null) calls = calls.where('calls.agent', '=', agent);
  const rows = await calls
    .select([
      'calls.id',
      'calls.status',
      'calls.rings',
      'calls.answer_ms',
      'calls.duration_ms',
      'calls.hold_ms',
      'calls.outcome',
      sql<string>`coalesce(nullif(contacts.source, ''), '')`.as('source'),
      (eb) => eb.selectFrom('transfers').whereRef('transfers.call_id', '=', 'calls.id').select((t) => t.fn.countAll<number>().as('n')).as('transfers'),
    ])
    .execute();

  const place = (ring: number) => Math.min(RING_PLACES, Math.max(1, ring)) - 1;
  const missedAtRing = new Array<number>(RING_PLACES).fill(0);
  const answeredAtRing = new Array<number>(RING_PLACES).fill(0);
  const answeredWithinSeconds = new Array<number>(ANSWER_SECOND_BUCKETS.length + 1).fill(0);
  const funnel = { effective: 0, offers: 0, meetings: 0, deferred: 0, sold: 0 };
  const sources = new Map<string, { incoming: number; sold: number }>();
  let answered = 0;
  let missed = 0;
  let byRing3 = 0;
  let answerMs = 0;
  let talkMs = 0;
  let holdMs = 0;
  let transfers = 0;
  for (const r of rows) {
    const source = sources.get(r.source) ?? { incoming: 0, sold: 0 };
    source.incoming += 1;
    sources.set(r.source, source);
    transfers += Number(r.transfers ?? 0);
    holdMs += r.hold_ms;
    if (r.status === 'missed') {
      missed += 1;
      missedAtRing[place(r.rings)]! += 1;
    }
    if (r.status !== 'answered') continue;
    answered += 1;
    answeredAtRing[place(r.rings)]! += 1;
    if (r.rings <= 3) byRing3 += 1;
    answerMs += r.answer_ms ?? 0;
    const seconds = (r.answer_ms ?? 0) / 1000;
    const bucket = ANSWER_SECOND_BUCKETS.findIndex((limit) => seconds <= limit);
    answeredWithinSeconds[bucket === -1 ? ANSWER_SECOND_BUCKETS.length : bucket]! += 1;
    talkMs += r.duration_ms ?? 0;
    if (r.outcome !== null && r.outcome !== 'not-a-target') funnel.effective += 1;
    if (r.outcome === 'offer-sent') funnel.offers += 1;
    if (r.outcome === 'meeting-booked') funnel.meetings += 1;
    if (r.outcome === 'deferred') funnel.deferred += 1;
    if (r.outcome === 'sold') {
      funnel.sold += 1;
      source.sold += 1;
    }
  }
  const incoming = rows.length;
  return {
    incoming,
    answered,
    missed,
    missedAtRing,
    answeredAtRing,
    answeredWithinSeconds,
    answeredByRing3Share: answered === 0 ? null : byRing3 / answered,
    averageAnswerMs: answered === 0 ? null : Math.round(answerMs / answered),
    talkMs,
    holdMs,
    transfers,
    transfersPerCall: incoming === 0 ? null : transfers / incoming,
    funnel,
    conversion: incoming === 0 ? null : funnel.sold / incoming,
    bySource: [...sources].map(([source, counts]) => ({ source, ...counts })).sort((a, b) => b.incoming - a.incoming || a.source.localeCompare(b.source)),
  };
}
