import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createCallRepository } from './call-repository.ts';

describe('calls interrupted by a crash', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  const newCall = (id: string, inviteAt: number) =>
    ({ id, direction: 'inbound', remoteNumber: '201', remoteE164: null, remoteDisplayName: '', contactId: null, match: 'none', inviteAt, sipCallId: '', practice: false, agent: 'sip:101@pbx' }) as const;

  it('are closed at start-up: an answered one ends with its recovered recording, a ringing one failed; later calls are left alone', async () => {
    const calls = createCallRepository({ db: database.db });
    await calls.insert(newCall('talking', 1000));
    await calls.update('talking', { status: 'answered', answeredAt: 6000 });
    await database.db
      .insertInto('recordings')
      .values({ id: 'r1', call_id: 'talking', file: 'x.webm', mime_type: 'audio/webm', status: 'recovered', started_at: 7000, finished_at: 99_000, duration_ms: 8000, bytes: 1, chunks: 8, sha256: 'h' })
      .execute();
    await calls.insert(newCall('ringing', 2000));
    await calls.insert(newCall('after-start', 60_000));

    expect(await calls.closeInterrupted(50_000)).toBe(2);
    const rows = await calls.list({ filter: 'all', limit: 10 });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId.talking).toMatchObject({ status: 'answered', endedBy: 'system', endReason: 'interrupted', endedAt: 15_000, durationMs: 9000 });
    expect(byId.ringing).toMatchObject({ status: 'failed', endReason: 'interrupted', endedAt: 2000, durationMs: null });
    expect(byId['after-start']).toMatchObject({ status: 'in-progress', endReason: null });
  });

  it('keeps a wrap-up: pending until saved, then the outcome and the next step', async () => {
    const calls = createCallRepository({ db: database.db });
    await calls.insert(newCall('k1', 1000));
    await calls.update('k1', { status: 'answered', answeredAt: 2000, endedAt: 9000, durationMs: 7000 });
    expect((await calls.list({ filter: 'all', limit: 5 }))[0]).toMatchObject({ wrapUpPending: true, outcome: null, furthestStage: null });
    await calls.wrapUp({ callId: 'k1', outcome: 'meeting-booked', nextStepAt: 86_400_000, nextStepWhat: ' Meeting at the office ', nextStepWho: 'Maria', notes: 'Prefers mornings' }, 10_000);
    expect((await calls.list({ filter: 'all', limit: 5 }))[0]).toMatchObject({
      wrapUpPending: false,
      outcome: 'meeting-booked',
      nextStep: { at: 86_400_000, what: 'Meeting at the office', who: 'Maria' },
      wrapUpNotes: 'Prefers mornings',
    });
  });
});
