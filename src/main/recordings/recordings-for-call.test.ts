import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { recordingsForCall } from './recordings-for-call.ts';
import { seedRecordedCall } from './fixtures/seed-recordings.ts';

describe("a call's recordings for the player", () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  it('places each pause on its recording, in ms from its start; an open pause runs to the end', async () => {
    // The call only (no audio); its recording is stored below, from 5 s to 65 s.
    await seedRecordedCall(database.db, '/nonexistent', { callId: 'c1', inviteAt: 0, remoteNumber: '201' });
    await database.db
      .insertInto('recordings')
      .values({ id: 'r1', call_id: 'c1', file: 'r1.webm', mime_type: 'audio/webm', status: 'final', started_at: 5000, finished_at: 65_000, duration_ms: 60_000, bytes: 10, chunks: 60, sha256: 'h' })
      .execute();
    await database.db
      .insertInto('recording_pauses')
      .values([
        { id: 'p1', call_id: 'c1', paused_by: 'sip:101@pbx', paused_at: 15_000, resumed_at: 22_000 },
        { id: 'p2', call_id: 'c1', paused_by: 'sip:101@pbx', paused_at: 60_000, resumed_at: null },
      ])
      .execute();
    const [recording] = await recordingsForCall(database.db, 'c1');
    expect(recording).toMatchObject({ id: 'r1', mediaPath: 'recordings/r1', durationMs: 60_000 });
    expect(recording!.pauses).toEqual([
      { startMs: 10_000, endMs: 17_000, by: 'sip:101@pbx' },
      { startMs: 55_000, endMs: 60_000, by: 'sip:101@pbx' },
    ]);
  });
});
