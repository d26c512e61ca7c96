import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { seedRecordedCall } from './fixtures/seed-recordings.ts';
import { peaksFileFor } from './recording-peaks-cache.ts';
import { deleteExpiredRecordings, listExpiredRecordings } from './recording-retention.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22, 12);

describe('recording retention', () => {
  let dir: string;
  let database: OpenedDatabase;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-retention-'));
    database = await openDatabase(join(dir, 'ringside.sqlite'));
    for (const [n, age] of [[1, 200], [2, 95], [3, 30]] as const) {
      await seedRecordedCall(database.db, dir, { callId: `c${n}`, inviteAt: NOW - age * DAY, remoteNumber: `+3021000000${n}`, audio: new Uint8Array([n]) });
    }
    writeFileSync(peaksFileFor(join(dir, 'recordings/seed/rec-c1.webm')), '{}');
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists recordings older than N days, oldest first', async () => {
    expect((await listExpiredRecordings(database.db, 90, NOW)).map((r) => r.callId)).toEqual(['c1', 'c2']);
    expect(await listExpiredRecordings(database.db, 365, NOW)).toEqual([]);
  });

  it('deletes only what was listed and confirmed, keeping the call records', async () => {
    const listed = await listExpiredRecordings(database.db, 90, NOW);
    // A recording that became old enough after the list was shown is not deleted with it.
    await seedRecordedCall(database.db, dir, { callId: 'late', inviteAt: NOW - 400 * DAY, remoteNumber: '+302100000009', audio: new Uint8Array([9]) });
    const { deleted } = await deleteExpiredRecordings(
      { db: database.db, dataDir: dir },
      { days: 90, recordingIds: [...listed.map((r) => r.recordingId), 'rec-c3'] },
      NOW,
    );
    expect(deleted.map((r) => r.callId)).toEqual(['c1', 'c2']);
    expect(existsSync(join(dir, 'recordings/seed/rec-c1.webm'))).toBe(false);
    expect(existsSync(peaksFileFor(join(dir, 'recordings/seed/rec-c1.webm')))).toBe(false);
    expect(existsSync(join(dir, 'recordings/seed/rec-c3.webm'))).toBe(true);
    expect(existsSync(join(dir, 'recordings/seed/rec-late.webm'))).toBe(true);
    const left = await database.db.selectFrom('recordings').select('call_id').orderBy('call_id').execute();
    expect(left.map((r) => r.call_id)).toEqual(['c3', 'late']);
    expect((await database.db.selectFrom('calls').select('id').execute()).length).toBe(4);
  });
});
