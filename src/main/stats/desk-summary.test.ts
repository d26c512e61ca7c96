import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCallRepository } from '../calls/call-repository.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { deskSummary } from './desk-summary.ts';

describe('deskSummary', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  async function call(id: string, inviteAt: number, outcome: { status: 'answered' | 'missed' | 'rejected'; rings: number; answerMs?: number; durationMs?: number }, practice = false) {
    const calls = createCallRepository({ db: database.db });
    await calls.insert({ id, direction: 'inbound', remoteNumber: '201', remoteE164: null, remoteDisplayName: '', contactId: null, match: 'none', inviteAt, sipCallId: '', practice, agent: 'sip:101@pbx' });
    await calls.update(id, {
      status: outcome.status,
      rings: outcome.rings,
      answerMs: outcome.answerMs ?? null,
      answeredAt: outcome.answerMs === undefined ? null : inviteAt + outcome.answerMs,
      durationMs: outcome.durationMs ?? null,
    });
  }

  it('counts the period’s incoming calls, answered, missed, answered by ring 3, mean answer time and talk time; practice calls never count', async () => {
    const day = { from: 1_000_000, to: 1_000_000 + 86_400_000 };
    await call('ring2', day.from, { status: 'answered', rings: 2, answerMs: 8000, durationMs: 60_000 });
    await call('ring4', day.from + 1, { status: 'answered', rings: 4, answerMs: 16_000, durationMs: 30_000 });
    await call('missed', day.from + 2, { status: 'missed', rings: 5 });
    await call('declined', day.from + 3, { status: 'rejected', rings: 1 });
    await call('practice', day.from + 4, { status: 'answered', rings: 1, answerMs: 1000, durationMs: 90_000 }, true);
    // The period's edges: the first instant is in, the end is out.
    await call('before', day.from - 1, { status: 'missed', rings: 1 });
    await call('next-day', day.to, { status: 'answered', rings: 1, answerMs: 2000, durationMs: 1000 });

    expect(await deskSummary(database.db, day)).toEqual({ incoming: 4, answered: 2, missed: 1, answeredByRing3: 1, averageAnswerMs: 12_000, talkMs: 90_000 });
  });

  it('is all zeros, with no mean answer time, for a period without calls (a practice call alone counts for nothing)', async () => {
    await call('practice', 5000, { status: 'answered', rings: 2, answerMs: 8000, durationMs: 60_000 }, true);
    expect(await deskSummary(database.db, { from: 0, to: 10_000 })).toEqual({ incoming: 0, answered: 0, missed: 0, answeredByRing3: 0, averageAnswerMs: null, talkMs: 0 });
  });
});
