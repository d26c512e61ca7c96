import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/clock.ts';
import { setAnswer, startProgress, stepStage, toggleChecklistItem } from '../../shared/scripts/call-progress.ts';
import { CALL_SCRIPT_VERSION, type CallScript } from '../../shared/scripts/call-script.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { openDatabase } from '../db/open-database.ts';
import { createCallProgressStore } from './call-progress-store.ts';

const clock: Clock = { now: () => 5000, setTimeout: () => 0, clearTimeout: () => {} };
const script: CallScript = {
  version: CALL_SCRIPT_VERSION,
  id: 'sales-en',
  name: 'Sales',
  locale: 'en',
  description: '',
  stages: [
    { id: 'hello', kind: 'greeting', title: 'Greeting', say: [], checklist: [], questions: [], hints: [] },
    { id: 'need', kind: 'request', title: 'Request', say: [], checklist: [], questions: [], hints: [] },
  ],
  faq: [],
  objections: [],
};

describe('call progress store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-progress-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every saved change, as another connection (a restart after a crash) reads it', async () => {
    const file = join(dir, 'ringside.sqlite');
    const first = await openDatabase(file);
    await createCallRepository({ db: first.db }).insert({ id: 'k1', direction: 'inbound', remoteNumber: '201', remoteE164: null, remoteDisplayName: '', contactId: null, match: 'none', inviteAt: 1, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
    const store = createCallProgressStore({ db: first.db, clock });
    let progress = startProgress(script, 1000);
    await store.save('k1', progress);
    progress = toggleChecklistItem(stepStage(script, progress, 1, 3000), 'need', 'asked-name');
    progress = setAnswer(progress, 'need', 'name', 'Ольга Петровна');
    await store.save('k1', progress);

    const second = await openDatabase(file);
    expect(await createCallProgressStore({ db: second.db, clock }).load('k1')).toEqual(progress);
    const row = await second.db.selectFrom('call_progress').select(['furthest_stage', 'updated_at']).executeTakeFirstOrThrow();
    expect(row).toEqual({ furthest_stage: 'need', updated_at: 5000 });
    expect(await createCallProgressStore({ db: second.db, clock }).load('unknown')).toBeNull();
    await second.close();
    await first.close();
  });
});
