import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../admin/audit-log.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { deskStats } from '../stats/desk-stats.ts';
import { createCallScoring, type CallScoring } from './call-scoring.ts';
import { createScoreRepository } from './score-repository.ts';
import { SHIPPED_SCORECARD_ITEM_IDS, shippedScorecard } from './shipped-scorecard.ts';

const ATHENS = 'Europe/Athens';
const MONDAY = Date.UTC(2026, 10, 2, 9); // Monday 2 November 2026, 11:00 in Athens

describe('supervisor scoring of recorded calls', () => {
  let database: OpenedDatabase;
  let scoring: CallScoring;
  const now = MONDAY + 30 * 86_400_000;
  let n = 0;
  beforeEach(async () => {
    database = await openDatabase(':memory:');
    const clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
    scoring = createCallScoring({
      scores: createScoreRepository({ db: database.db, newId: () => `id${++n}` }),
      clock,
      audit: createAuditLog({ db: database.db, clock }),
      shippedCard: () => shippedScorecard('en'),
      stageTitle: (scriptId, stageId) => Promise.resolve(scriptId === 'reception' && stageId === 'request' ? 'The request' : null),
    });
  });
  afterEach(() => database.close());

  async function recordedCall(id: string, c: { at: number; agent: string; rings?: number; holdMs?: number; endedBy?: 'caller' | 'agent'; practice?: boolean; recorded?: boolean }) {
    const calls = createCallRepository({ db: database.db });
    await calls.insert({ id, direction: 'inbound', remoteNumber: '+302101234567', remoteE164: null, remoteDisplayName: 'Ελένη', contactId: null, match: 'none', inviteAt: c.at, sipCallId: '', practice: c.practice ?? false, agent: c.agent });
    await calls.update(id, { status: 'answered', rings: c.rings ?? 2, answerMs: 5000, durationMs: 60_000, holdMs: c.holdMs ?? 0, endedBy: c.endedBy ?? 'caller' });
    if (c.recorded !== false) {
      await database.db.insertInto('recordings').values({ id: `${id}-r`, call_id: id, file: `${id}.webm`, mime_type: 'audio/webm', status: 'final', started_at: c.at, finished_at: c.at + 60_000, duration_ms: 60_000, bytes: 1, chunks: 1, sha256: 'x' }).execute();
    }
  }

  it('offers the shipped card until an admin saves the office’s own; a scored call keeps the card it was scored with', async () => {
    expect(await scoring.card()).toMatchObject({ shipped: true, card: { name: 'Call review' } });
    await recordedCall('k1', { at: MONDAY, agent: 'sip:101@pbx' });
    await scoring.save({ callId: 'k1', answers: { greeting: 'yes' }, summary: '', comments: [] }, 'supervisor');
    const own = { name: 'Ours', items: [{ id: 'greeting', rule: 'R2', text: 'Greets properly', points: 5, critical: false, signal: null }] };
    await scoring.saveCard(own, 'admin');
    expect(await scoring.card()).toEqual({ card: own, shipped: false });
    expect((await scoring.view('k1')).score?.scorecard.name).toBe('Call review');
    expect((await scoring.view('k1')).scorecard.name).toBe('Ours');
    await scoring.resetCard('admin');
    expect((await scoring.card()).shipped).toBe(true);
    const audit = await database.db.selectFrom('audit_log').select(['actor', 'action']).execute();
    expect(audit).toEqual([
      { actor: 'admin', action: 'scorecard-saved' },
      { actor: 'admin', action: 'scorecard-saved' },
    ]);
  });

  it('shows the signals beside the card: rings, hold, transfers, next step, who hung up, furthest stage', async () => {
    await recordedCall('k1', { at: MONDAY, agent: 'sip:101@pbx', rings: 5, holdMs: 75_000, endedBy: 'agent' });
    await database.db.insertInto('transfers').values({ id: 't1', call_id: 'k1', at: MONDAY, kind: 'blind', from_agent: '', target: '203', note: '', result: 'completed', detail: '', ended_at: null }).execute();
    await database.db.insertInto('call_progress').values({ call_id: 'k1', script_id: 'reception', progress: '{}', furthest_stage: 'request', updated_at: MONDAY }).execute();
    await database.db.updateTable('calls').set({ next_step_what: 'Send the offer' }).where('id', '=', 'k1').execute();
    expect((await scoring.view('k1')).signals).toEqual({ direction: 'inbound', rings: 5, holdMs: 75_000, transfers: 1, nextStepSet: true, endedBy: 'agent', furthestStage: 'The request' });
  });

  it('saves a score with comments pinned to moments, replaces it on a re-score, and refuses unknown items', async () => {
    await recordedCall('k1', { at: MONDAY, agent: 'sip:101@pbx' });
    const saved = await scoring.save(
      { callId: 'k1', answers: { greeting: 'yes', name: 'no', introduced: 'yes' }, summary: 'Warm, but no name.', comments: [{ recordingId: 'k1-r', atMs: 5000, text: 'Good greeting' }, { recordingId: 'k1-r', atMs: 2000, text: 'Picked up fast' }] },
      'supervisor',
    );
    expect(saved).toMatchObject({ agent: 'sip:101@pbx', points: 2, maxPoints: 4, percent: 50, failedCritical: false, scoredBy: 'supervisor', scoredAt: now });
    expect(saved.comments.map((c) => [c.atMs, c.text])).toEqual([
      [2000, 'Picked up fast'],
      [5000, 'Good greeting'],
    ]);
    const again = await scoring.save({ callId: 'k1', answers: { greeting: 'yes', said_goodbye: 'no' } as never, summary: '', comments: [] }, 'supervisor').catch((e: Error) => e.message);
    expect(again).toMatch(/Not items of this scorecard: said_goodbye/);
    const rescored = await scoring.save({ callId: 'k1', answers: { greeting: 'yes', 'said-goodbye': 'no' }, summary: '', comments: [{ recordingId: null, atMs: 0, text: 'Redo' }] }, 'supervisor');
    expect(rescored).toMatchObject({ percent: 0, failedCritical: true });
    expect(rescored.comments).toHaveLength(1);
  });

  it('scores a practice call like any other, says it is practice, and leaves it out of the averages and the statistics', async () => {
    await recordedCall('k1', { at: MONDAY, agent: 'sip:101@pbx' });
    await recordedCall('p1', { at: MONDAY + 1000, agent: 'sip:101@pbx', practice: true });
    await scoring.save({ callId: 'k1', answers: { greeting: 'yes' }, summary: '', comments: [] }, 'supervisor');
    const period = { from: MONDAY - 86_400_000, to: MONDAY + 86_400_000 };
    const before = { averages: await scoring.averages(period, ATHENS), stats: await deskStats(database.db, period, null) };
    const saved = await scoring.save({ callId: 'p1', answers: { greeting: 'no', name: 'yes' }, summary: 'Say the company first.', comments: [{ recordingId: 'p1-r', atMs: 3000, text: 'Too quiet here' }] }, 'supervisor');
    expect(saved).toMatchObject({ agent: 'sip:101@pbx', percent: 50 });
    expect(saved.comments).toEqual([{ recordingId: 'p1-r', atMs: 3000, text: 'Too quiet here' }]);
    expect(await scoring.view('p1')).toMatchObject({ practice: true, score: { summary: 'Say the company first.', percent: 50 } });
    expect(await scoring.view('k1')).toMatchObject({ practice: false, score: { percent: 100 } });
    // The agent's own list carries the rehearsal's feedback, marked practice.
    expect((await scoring.rows({ agent: 'sip:101@pbx', scored: 'scored', includePractice: true, limit: 10 })).map((r) => [r.callId, r.practice, r.percent])).toEqual([
      ['p1', true, 50],
      ['k1', false, 100],
    ]);
    expect(await scoring.averages(period, ATHENS)).toEqual(before.averages);
    expect(before.averages.agents).toEqual([{ agent: 'sip:101@pbx', scored: 1, averagePercent: 100, failed: 0 }]);
    expect(await deskStats(database.db, period, null)).toEqual(before.stats);
    expect(before.stats.answered).toBe(1);
  });

  it('lists recorded calls (not unrecorded; practice ones only when asked) by agent and whether scored', async () => {
    await recordedCall('k1', { at: MONDAY, agent: 'sip:101@pbx' });
    await recordedCall('k2', { at: MONDAY + 1000, agent: 'sip:102@pbx' });
    await recordedCall('k3', { at: MONDAY + 2000, agent: 'sip:101@pbx', recorded: false });
    await recordedCall('p1', { at: MONDAY + 3000, agent: 'sip:101@pbx', practice: true });
    await scoring.save({ callId: 'k1', answers: { greeting: 'yes' }, summary: '', comments: [{ recordingId: null, atMs: 5000, text: 'ok' }] }, 'supervisor');
    expect((await scoring.rows({ agent: null, scored: 'all', includePractice: false, limit: 10 })).map((r) => r.callId)).toEqual(['k2', 'k1']);
    expect((await scoring.rows({ agent: null, scored: 'all', includePractice: true, limit: 10 })).map((r) => [r.callId, r.practice])).toEqual([
      ['p1', true],
      ['k2', false],
      ['k1', false],
    ]);
    expect(await scoring.rows({ agent: 'sip:101@pbx', scored: 'scored', includePractice: false, limit: 10 })).toEqual([
      { callId: 'k1', at: MONDAY, agent: 'sip:101@pbx', remote: 'Ελένη', durationMs: 60_000, percent: 100, failedCritical: false, scored: true, comments: 1, practice: false },
    ]);
    expect((await scoring.rows({ agent: null, scored: 'unscored', includePractice: false, limit: 10 })).map((r) => r.callId)).toEqual(['k2']);
    expect((await scoring.rows({ agent: null, scored: 'unscored', includePractice: true, limit: 10 })).map((r) => r.callId)).toEqual(['p1', 'k2']);
  });

  it('averages per agent over the period and by week in the office’s time zone', async () => {
    const week = 7 * 86_400_000;
    // Sunday 8 November 23:30 in Athens is still the first week; Monday 00:30 is the second.
    const sundayLate = Date.UTC(2026, 10, 8, 21, 30);
    const mondayEarly = Date.UTC(2026, 10, 8, 22, 30);
    await recordedCall('a1', { at: MONDAY, agent: 'sip:101@pbx' });
    await recordedCall('a2', { at: sundayLate, agent: 'sip:101@pbx' });
    await recordedCall('a3', { at: mondayEarly, agent: 'sip:101@pbx' });
    await recordedCall('b1', { at: MONDAY, agent: 'sip:102@pbx' });
    await recordedCall('out', { at: MONDAY - week, agent: 'sip:101@pbx' });
    const card = shippedScorecard('en');
    const all = (answer: 'yes' | 'no') => Object.fromEntries(card.items.filter((i) => !i.critical).map((i) => [i.id, answer]));
    await scoring.save({ callId: 'a1', answers: all('yes'), summary: '', comments: [] }, 's');
    await scoring.save({ callId: 'a2', answers: { ...all('yes'), greeting: 'no', name: 'no' }, summary: '', comments: [] }, 's');
    await scoring.save({ callId: 'a3', answers: { ...all('yes'), introduced: 'no' }, summary: '', comments: [] }, 's');
    await scoring.save({ callId: 'b1', answers: all('no'), summary: '', comments: [] }, 's');
    await scoring.save({ callId: 'out', answers: all('no'), summary: '', comments: [] }, 's');
    const firstWeek = Date.UTC(2026, 10, 1, 22);
    const result = await scoring.averages({ from: firstWeek, to: firstWeek + 2 * week }, ATHENS);
    const a2 = 75; // 16 points in all: a2 misses the greeting and the name, 4 of them
    expect(result.agents).toEqual([
      { agent: 'sip:101@pbx', scored: 3, averagePercent: (100 + a2 + 0) / 3, failed: 1 },
      { agent: 'sip:102@pbx', scored: 1, averagePercent: 0, failed: 0 },
    ]);
    expect(result.weeks).toEqual([
      { weekStart: firstWeek, agent: 'sip:101@pbx', scored: 2, averagePercent: (100 + a2) / 2 },
      { weekStart: firstWeek, agent: 'sip:102@pbx', scored: 1, averagePercent: 0 },
      { weekStart: firstWeek + week, agent: 'sip:101@pbx', scored: 1, averagePercent: 0 },
    ]);
    await expect(scoring.averages({ from: firstWeek, to: firstWeek + week }, 'Not/AZone')).rejects.toThrow(/not a time zone/);
  });

  it('ships the card in English, Russian and Greek with the same items, every one worded', () => {
    for (const locale of ['en', 'ru', 'el'] as const) {
      const card = shippedScorecard(locale);
      expect(card.items.map((i) => i.id)).toEqual(SHIPPED_SCORECARD_ITEM_IDS);
      for (const item of card.items) expect(item.text).not.toBe(item.id);
      expect(card.items.filter((i) => i.critical).map((i) => i.rule)).toEqual(['R32', 'R32', 'R32', 'R32', 'R32']);
    }
    expect(new Set(shippedScorecard('en').items.map((i) => i.rule.split(', ')[0]))).toEqual(new Set(['R1', 'R2', 'R5', 'R9', 'R10', 'R13', 'R17', 'R18', 'R20', 'R23', 'R24', 'R26', 'R32']));
  });
});
