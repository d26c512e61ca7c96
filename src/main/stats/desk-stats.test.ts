import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCallRepository } from '../calls/call-repository.ts';
import { createContactRepository } from '../contacts/contact-repository.ts';
import { createSqliteCardLookup } from '../contacts/sqlite-card-lookup.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { deskStats } from './desk-stats.ts';
import type { CallOutcome } from '../../shared/ipc/calls.ts';

describe('deskStats over a generated set of calls with known answers', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  const day = { from: 1_000_000_000, to: 1_000_000_000 + 86_400_000 };

  async function seed() {
    const calls = createCallRepository({ db: database.db });
    const contacts = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: { now: () => 1, setTimeout: () => 0, clearTimeout: () => undefined }, region: () => 'GR' });
    const referred = await contacts.save({ name: 'Ольга', organization: '', position: '', email: '', category: null, notes: '', phones: [{ number: '2101111111', label: '' }] });
    await contacts.capture(referred.id, 'source', 'Recommendation');
    const web = await contacts.save({ name: 'Ελένη', organization: '', position: '', email: '', category: null, notes: '', phones: [{ number: '2102222222', label: '' }] });
    await contacts.capture(web.id, 'source', 'Website');
    let n = 0;
    const call = async (c: { at: number; status: 'answered' | 'missed' | 'rejected'; rings: number; answerMs?: number; talkMs?: number; holdMs?: number; outcome?: CallOutcome; contact?: string; agent?: string; practice?: boolean; transfers?: number }) => {
      const id = `k${++n}`;
      await calls.insert({ id, direction: 'inbound', remoteNumber: '201', remoteE164: null, remoteDisplayName: '', contactId: c.contact ?? null, match: 'none', inviteAt: c.at, sipCallId: '', practice: c.practice ?? false, agent: c.agent ?? 'sip:101@pbx' });
      await calls.update(id, { status: c.status, rings: c.rings, answerMs: c.answerMs ?? null, durationMs: c.talkMs ?? null, holdMs: c.holdMs ?? 0 });
      if (c.outcome) await calls.wrapUp({ callId: id, outcome: c.outcome, nextStepAt: null, nextStepWhat: '', nextStepWho: '', notes: '' }, c.at);
      for (let i = 0; i < (c.transfers ?? 0); i += 1) {
        await database.db.insertInto('transfers').values({ id: `${id}-t${i}`, call_id: id, at: c.at, kind: 'blind', from_agent: '', target: '203', note: '', result: 'completed', detail: '', ended_at: null }).execute();
      }
    };
    const t = day.from;
    await call({ at: t, status: 'answered', rings: 2, answerMs: 6000, talkMs: 120_000, outcome: 'sold', contact: referred.id, holdMs: 30_000 });
    await call({ at: t + 1, status: 'answered', rings: 3, answerMs: 11_000, talkMs: 60_000, outcome: 'offer-sent', contact: web.id, transfers: 1 });
    await call({ at: t + 2, status: 'answered', rings: 5, answerMs: 21_000, talkMs: 30_000, outcome: 'not-a-target', transfers: 2 });
    await call({ at: t + 3, status: 'answered', rings: 1, answerMs: 2000, talkMs: 45_000, outcome: 'meeting-booked', contact: web.id, agent: 'sip:102@pbx' });
    await call({ at: t + 4, status: 'answered', rings: 2, answerMs: 7000, talkMs: 15_000 });
    await call({ at: t + 5, status: 'missed', rings: 4 });
    await call({ at: t + 6, status: 'missed', rings: 1, contact: referred.id });
    await call({ at: t + 7, status: 'rejected', rings: 0 });
    // Never counted: a rehearsal, and calls just outside the period.
    await call({ at: t + 8, status: 'answered', rings: 1, answerMs: 1000, talkMs: 600_000, outcome: 'sold', practice: true });
    await call({ at: day.from - 1, status: 'missed', rings: 2 });
    await call({ at: day.to, status: 'answered', rings: 2, answerMs: 6000, talkMs: 1000, outcome: 'sold' });
  }

  it('counts incoming, answered, missed (with the ring the caller gave up on), speed of answer, talk, hold, transfers, the funnel, conversion and lead sources', async () => {
    await seed();
    const stats = await deskStats(database.db, day, null);
    expect(stats).toEqual({
      incoming: 8,
      answered: 5,
      missed: 2,
      missedAtRing: [1, 0, 0, 1, 0, 0, 0, 0],
      answeredAtRing: [1, 2, 1, 0, 1, 0, 0, 0],
      answeredWithinSeconds: [1, 2, 1, 0, 1, 0],
      answeredByRing3Share: 4 / 5,
      averageAnswerMs: 9400,
      talkMs: 270_000,
      holdMs: 30_000,
      transfers: 3,
      transfersPerCall: 3 / 8,
      funnel: { effective: 3, offers: 1, meetings: 1, deferred: 0, sold: 1 },
      conversion: 1 / 8,
      bySource: [
        { source: '', incoming: 4, sold: 0 },
        { source: 'Recommendation', incoming: 2, sold: 1 },
        { source: 'Website', incoming: 2, sold: 0 },
      ],
    });
  });

  it('narrows to one agent, and says nothing rather than dividing by zero for an empty period', async () => {
    await seed();
    const colleague = await deskStats(database.db, day, 'sip:102@pbx');
    expect(colleague).toMatchObject({ incoming: 1, answered: 1, answeredByRing3Share: 1, funnel: { effective: 1, meetings: 1 } });
    const empty = await deskStats(database.db, { from: 0, to: 1000 }, null);
    expect(empty).toMatchObject({ incoming: 0, answeredByRing3Share: null, averageAnswerMs: null, transfersPerCall: null, conversion: null, bySource: [] });
  });

  it('puts a call that never rang at the first ring and one answered after the 8th at the last place', async () => {
    const calls = createCallRepository({ db: database.db });
    const call = async (id: string, status: 'answered' | 'missed', rings: number) => {
      await calls.insert({ id, direction: 'inbound', remoteNumber: '201', remoteE164: null, remoteDisplayName: '', contactId: null, match: 'none', inviteAt: day.from + rings, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
      await calls.update(id, { status, rings, answerMs: status === 'answered' ? rings * 4000 : null, durationMs: null, holdMs: 0 });
    };
    await call('k-none', 'missed', 0);
    await call('k-late', 'answered', 11);
    await call('k-eighth', 'answered', 8);
    const stats = await deskStats(database.db, day, null);
    expect(stats.missedAtRing).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(stats.answeredAtRing).toEqual([0, 0, 0, 0, 0, 0, 0, 2]);
  });
});
