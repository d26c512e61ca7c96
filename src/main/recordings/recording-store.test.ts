import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { silentLogger as log } from '../../shared/logger.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createRecordingStore } from './recording-store.ts';
import { isEncryptedRecording, newRecordingKey, recordingKeyId } from './encrypted-recording.ts';
import { recordingBytes } from './recording-bytes.ts';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('recording store', () => {
  let dataDir: string;
  let database: OpenedDatabase;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ringside-rec-'));
    database = await openDatabase(join(dataDir, 'ringside.sqlite'));
    await createCallRepository({ db: database.db }).insert({ id: 'call-1', direction: 'inbound', remoteNumber: '201', remoteE164: null, remoteDisplayName: '', contactId: null, match: 'none', inviteAt: 1, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
  });
  afterEach(() => database.close());

  const rows = () => database.db.selectFrom('recordings').selectAll().execute();

  it('appends chunks in order, then renames the file and stores its SHA-256', async () => {
    const store = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log });
    const chunks = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5]), new Uint8Array([6])];
    await store.append('call-1', 0, chunks[0]!);
    await store.append('call-1', 1, chunks[1]!);
    await store.append('call-1', 1, chunks[1]!);
    await store.append('call-1', 2, chunks[2]!);
    const [recording] = await rows();
    expect(recording?.status).toBe('recording');
    expect(existsSync(join(dataDir, `${recording!.file}.part`))).toBe(true);
    await store.finish('call-1');
    const [done] = await rows();
    const bytes = readFileSync(join(dataDir, done!.file));
    expect([...bytes]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(done).toMatchObject({ status: 'final', chunks: 3, bytes: 6, sha256: sha(bytes) });
    expect(existsSync(join(dataDir, `${done!.file}.part`))).toBe(false);
    const [call] = await createCallRepository({ db: database.db }).list({ filter: 'all', limit: 10 });
    expect(call?.recordings).toEqual({ count: 1, recovered: false });
  });

  it('recovers what a crash left: the .part becomes a recording marked recovered, with its hash', async () => {
    const before = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log });
    await before.append('call-1', 0, new Uint8Array([9, 9, 9]));
    await before.append('call-1', 1, new Uint8Array([8]));
    // The process dies here: no finish. The next start recovers.
    const after = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log });
    expect(await after.recover()).toBe(1);
    const [recovered] = await rows();
    const bytes = readFileSync(join(dataDir, recovered!.file));
    expect(recovered).toMatchObject({ status: 'recovered', bytes: 4, sha256: sha(bytes) });
    expect(await after.recover()).toBe(0);
    const [call] = await createCallRepository({ db: database.db }).list({ filter: 'all', limit: 10 });
    expect(call?.recordings).toEqual({ count: 1, recovered: true });
  });

  it('says clearly that the call is not being recorded when the folder cannot be written', async () => {
    writeFileSync(join(dataDir, 'recordings'), 'not a folder');
    const store = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log });
    await expect(store.append('call-1', 0, new Uint8Array([1]))).rejects.toThrow('The recordings folder cannot be written: this call is not being recorded. The call goes on.');
    expect(await rows()).toEqual([]);
  });

  it("starts the recording's clock when the recorder started, unless the window's time is implausible", async () => {
    const now = 1_700_000_000_000;
    const clock = { ...systemClock, now: () => now };
    const store = createRecordingStore({ db: database.db, dataDir, clock, log });
    await store.append('call-1', 0, new Uint8Array([1]), now - 1200);
    expect((await rows())[0]?.started_at).toBe(now - 1200);
    await store.finish('call-1');
    await store.append('call-1', 0, new Uint8Array([1]), now + 60_000);
    expect((await rows()).map((r) => r.started_at)).toContain(now);
  });

  describe('encrypted at rest', () => {
    const fixture = readFileSync(join(import.meta.dirname, 'fixtures/mediarecorder-3s.webm'));
    const chunksOf = (bytes: Buffer) => [bytes.subarray(0, 4000), bytes.subarray(4000, 20_000), bytes.subarray(20_000)];
    const key = newRecordingKey();
    const encryption = { keyForNewRecording: () => key, find: (id: string) => (id === key.id ? key : null) };

    it('writes no audio in the clear, and the finished file opens to the recording with its hash', async () => {
      const store = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, encryption });
      for (const [seq, chunk] of chunksOf(fixture).entries()) await store.append('call-1', seq, chunk);
      const [recording] = await rows();
      const part = readFileSync(join(dataDir, `${recording!.file}.part`));
      expect(isEncryptedRecording(part)).toBe(true);
      expect(part.includes(fixture.subarray(0, 4))).toBe(false);
      await store.finish('call-1');
      const [done] = await rows();
      const kept = readFileSync(join(dataDir, done!.file));
      expect(recordingKeyId(kept)).toBe(key.id);
      const audio = recordingBytes(kept, encryption.find);
      // The duration was written into the audio's header before it was sealed again.
      expect(audio.length).toBeGreaterThanOrEqual(fixture.length);
      expect(audio.subarray(0, 4)).toEqual(fixture.subarray(0, 4));
      expect(done).toMatchObject({ status: 'final', bytes: audio.length, sha256: sha(audio) });
      expect(done!.duration_ms).toBeGreaterThan(2500);
    });

    it('recovers an encrypted .part after a crash, and leaves one whose key is gone for a later start', async () => {
      const before = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, encryption });
      for (const [seq, chunk] of chunksOf(fixture).entries()) await before.append('call-1', seq, chunk);
      const [recording] = await rows();
      const keyLost = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, encryption: { ...encryption, find: () => null } });
      expect(await keyLost.recover()).toBe(0);
      expect(existsSync(join(dataDir, `${recording!.file}.part`))).toBe(true);
      const after = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, encryption });
      expect(await after.recover()).toBe(1);
      const [recovered] = await rows();
      expect(recovered).toMatchObject({ status: 'recovered', sha256: sha(recordingBytes(readFileSync(join(dataDir, recovered!.file)), encryption.find)) });
    });

    it('a key that cannot be kept stops the recording with the reason, and the call goes on', async () => {
      const store = createRecordingStore({
        db: database.db,
        dataDir,
        clock: systemClock,
        log,
        encryption: {
          keyForNewRecording: () => {
            throw new Error('No desktop key store is running.');
          },
          find: () => null,
        },
      });
      await expect(store.append('call-1', 0, new Uint8Array([1]))).rejects.toThrow('No desktop key store is running. This call is not being recorded. The call goes on.');
      expect(await rows()).toEqual([]);
    });
  });
});
