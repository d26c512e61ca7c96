import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/clock.ts';
import { goToStage, setAnswer, stageTimes, startProgress, stepStage, type CallProgress } from '../../shared/scripts/call-progress.ts';
import { CALL_SCRIPT_VERSION, type CallScript, type ScriptStage } from '../../shared/scripts/call-script.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { openDatabase } from '../db/open-database.ts';
import { createCallProgressStore } from './call-progress-store.ts';
import { createStageTimesClock, stampStageTimes } from './stage-times-clock.ts';

const stage = (id: string, kind: ScriptStage['kind']): ScriptStage => ({ id, kind, title: id, say: [], checklist: [], questions: [], hints: [] });
const script: CallScript = {
  version: CALL_SCRIPT_VERSION,
  id: 'sales',
  name: 'Sales',
  locale: 'en',
  description: '',
  stages: [stage('hello', 'greeting'), stage('need', 'request'), stage('bye', 'goodbye'), stage('angry', 'angry-caller')],
  faq: [],
  objections: [],
};

/** What a window sends: its stage moves, with times from a clock main does not trust (here, always 7). */
const windowClock = 7;

/** Main's knowledge before the first report: the first stage, since the call was answered at `at`. */
const answered = (at: number) => ({ currentStage: 'hello', stageMs: {}, enteredAt: at });

describe('stage times stamped by main’s clock', () => {
  it('keeps main’s times while the stage stays, whatever times the window sent', () => {
    const reported = { ...startProgress(script, windowClock), stageMs: { hello: 99_999 } };
    expect(stampStageTimes(answered(1000), reported, 5000)).toMatchObject({ currentStage: 'hello', stageMs: {}, enteredAt: 1000 });
  });

  it('gives the stage left the time since it was entered, the first stage from the answer on', () => {
    let saved: CallProgress = stampStageTimes(answered(1000), stepStage(script, startProgress(script, windowClock), 1, windowClock), 4000);
    expect(saved).toMatchObject({ currentStage: 'need', stageMs: { hello: 3000 }, enteredAt: 4000 });
    saved = stampStageTimes(saved, setAnswer(saved, 'need', 'name', 'Olga'), 6000);
    expect(saved).toMatchObject({ currentStage: 'need', stageMs: { hello: 3000 }, enteredAt: 4000, answers: { 'need.name': 'Olga' } });
    saved = stampStageTimes(saved, goToStage(script, saved, 'angry', windowClock), 10_000);
    saved = stampStageTimes(saved, goToStage(script, saved, 'need', windowClock), 11_000);
    expect(stageTimes(saved, 15_000)).toEqual({ hello: 3000, need: 6000 + 4000, angry: 1000 });
    expect(saved.furthestStage).toBe('need');
  });
});

describe('the progress store with main’s stage times', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-stage-times-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts the first stage at the answer and stamps saves sent one after another without waiting by main’s clock', async () => {
    const opened = await openDatabase(join(dir, 'ringside.sqlite'));
    await createCallRepository({ db: opened.db }).insert({ id: 'k1', direction: 'inbound', remoteNumber: '201', remoteE164: null, remoteDisplayName: '', contactId: null, match: 'none', inviteAt: 1, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
    let now = 1000;
    const clock: Clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => {} };
    const scriptStart = (callId: string, scriptId: string) => Promise.resolve({ stageId: callId === 'k1' && scriptId === 'sales' ? 'hello' : null, at: 500 });
    const progress = createStageTimesClock({ store: createCallProgressStore({ db: opened.db, clock }), clock, scriptStart });
    const started = startProgress(script, windowClock);
    await progress.save('k1', setAnswer(started, 'hello', 'name', 'Olga'));
    expect(await progress.load('k1')).toMatchObject({ currentStage: 'hello', stageMs: {}, enteredAt: 500 });
    now = 3000;
    const toNeed = progress.save('k1', stepStage(script, started, 1, windowClock));
    const toBye = progress.save('k1', stepStage(script, stepStage(script, started, 1, windowClock), 1, windowClock));
    await Promise.all([toNeed, toBye]);
    expect(await progress.load('k1')).toMatchObject({ currentStage: 'bye', stageMs: { hello: 2500, need: 0 }, enteredAt: 3000 });

    // A script no longer there: the stage first reported counts from the answer.
    await createCallRepository({ db: opened.db }).insert({ id: 'k2', direction: 'inbound', remoteNumber: '202', remoteE164: null, remoteDisplayName: '', contactId: null, match: 'none', inviteAt: 1, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
    await progress.save('k2', stepStage(script, started, 1, windowClock));
    expect(await progress.load('k2')).toMatchObject({ currentStage: 'need', stageMs: {}, enteredAt: 500 });
    await opened.close();
  });
});
