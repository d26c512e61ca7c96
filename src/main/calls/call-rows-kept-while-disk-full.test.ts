import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { silentLogger as log } from '../../shared/logger.ts';
import { refuseWritesAsOnAFullDisk } from '../db/full-disk-simulation.test-support.ts';
import { createKeptWrites, type KeptWrites } from '../db/kept-writes.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createRecordingStore } from '../recordings/recording-store.ts';
import { createCallRepository } from './call-repository.ts';
import { callRowsKeptWhileDiskFull } from './call-rows-kept-while-disk-full.ts';

describe("call rows while the database's disk is full", () => {
  let dataDir: string;
  let database: OpenedDatabase;
  let kept: KeptWrites;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ringside-full-'));
    database = await openDatabase(join(dataDir, 'ringside.sqlite'));
    kept = createKeptWrites({ clock: systemClock, log });
  });
  afterEach(async () => {
    kept.dispose();
    await database.close();
  });

  it('a call that comes, is recorded and ends while the disk is full gets its row, its talk time and its recording once there is space', async () => {
    const stored = createCallRepository({ db: database.db });
    const calls = callRowsKeptWhileDiskFull(stored, kept);
    const recordings = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept });
    const full = refuseWritesAsOnAFullDisk(database.sqlite, ['calls', 'recordings']);
    await calls.insert({ id: 'call-1', direction: 'inbound', remoteNumber: '201', remoteE164: null, remoteDisplayName: '', contactId: null, match: 'none', inviteAt: 1_000, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
    await calls.update('call-1', { status: 'answered', answeredAt: 3_000, answerMs: 2_000 });
    await recordings.append('call-1', 0, new Uint8Array([1, 2, 3]));
    await recordings.append('call-1', 1, new Uint8Array([4]));
    await recordings.finish('call-1');
    await calls.update('call-1', { status: 'answered', endedAt: 86_000, endedBy: 'caller', endReason: 'caller-hung-up', durationMs: 83_000 });
    expect(await stored.list({ filter: 'all', limit: 10 })).toEqual([]);

    full.free();
    expect(await kept.flush()).toBe(true);
    const [call] = await stored.list({ filter: 'all', limit: 10 });
    expect(call).toMatchObject({ id: 'call-1', status: 'answered', answeredAt: 3_000, endedAt: 86_000, durationMs: 83_000, recordings: { count: 1, recovered: false } });
    const [recording] = await database.db.selectFrom('recordings').selectAll().execute();
    expect(recording).toMatchObject({ call_id: 'call-1', status: 'final', bytes: 4, chunks: 2 });
  });
});
