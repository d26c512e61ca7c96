import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { silentLogger as log } from '../../shared/logger.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { refuseWritesAsOnAFullDisk } from '../db/full-disk-simulation.test-support.ts';
import { createKeptWrites, type KeptWrites } from '../db/kept-writes.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createRecordingStore } from './recording-store.ts';
import { isEncryptedRecording, newRecordingKey, recordingKeyId } from './encrypted-recording.ts';
import { recordingBytes } from './recording-bytes.ts';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('recording store', () => {
  let dataDir: string;
  let database: OpenedDatabase;
  let kept: KeptWrites;
  beforeEach(async () => {
    kept = createKeptWrites({ clock: systemClock, log });
    dataDir = mkdtempSync(join(tmpdir(), 'ringside-rec-'));
    database = await openDatabase(join(dataDir, 'ringside.sqlite'));
    await createCallRepository({ db: database.db }).insert({ id: 'call-1', direction: 'inbound', remoteNumber: '201', remoteE164: null, remoteDisplayName: '', contactId: null, match: 'none', inviteAt: 1, sipCallId: '', practice: false, agent: 'sip:101@pbx' });
  });
  afterEach(async () => {
    kept.dispose();
    await database.close();
  });

  const rows = () => database.db.selectFrom('recordings').selectAll().execute();

  it('appends chunks in order, then renames the file and stores its SHA-256', async () => {
    const store = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept });
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
    const before = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept });
    await before.append('call-1', 0, new Uint8Array([9, 9, 9]));
    await before.append('call-1', 1, new Uint8Array([8]));
    // The process dies here: no finish. The next start recovers.
    const after = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept });
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
    const store = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept });
    await expect(store.append('call-1', 0, new Uint8Array([1]))).rejects.toThrow('The recordings folder cannot be written: this call is not being recorded. The call goes on.');
    expect(await rows()).toEqual([]);
  });

  it("starts the recording's clock when the recorder started, unless the window's time is implausible", async () => {
    const now = 1_700_000_000_000;
    const clock = { ...systemClock, now: () => now };
    const store = createRecordingStore({ db: database.db, dataDir, clock, log, kept });
    await store.append('call-1', 0, new Uint8Array([1]), now - 1200);
    expect((await rows())[0]?.started_at).toBe(now - 1200);
    await store.finish('call-1');
    await store.append('call-1', 0, new Uint8Array([1]), now + 60_000);
    expect((await rows()).map((r) => r.started_at)).toContain(now);
  });

  describe('a full disk', () => {
    const fixture = readFileSync(join(import.meta.dirname, 'fixtures/mediarecorder-3s.webm'));
    const chunksOf = (bytes: Buffer) => [bytes.subarray(0, 4000), bytes.subarray(4000, 20_000), bytes.subarray(20_000)];

    it("recovers at start-up a recording left as its final file with its row still 'recording'", async () => {
      const before = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept });
      for (const [seq, chunk] of chunksOf(fixture).entries()) await before.append('call-1', seq, chunk);
      const [recording] = await rows();
      // What a full disk left: the .part renamed without a rewritten header, the row's update refused.
      renameSync(join(dataDir, `${recording!.file}.part`), join(dataDir, recording!.file));
      const after = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept });
      expect(await after.recover()).toBe(1);
      const [recovered] = await rows();
      const bytes = readFileSync(join(dataDir, recovered!.file));
      expect(recovered).toMatchObject({ status: 'recovered', bytes: bytes.length, sha256: sha(bytes) });
      expect(recovered!.duration_ms).toBeGreaterThan(2500);
      expect(bytes.subarray(0, 4)).toEqual(fixture.subarray(0, 4));
      const [call] = await createCallRepository({ db: database.db }).list({ filter: 'all', limit: 10 });
      expect(call?.recordings).toEqual({ count: 1, recovered: true });
    });

    it('removes at start-up a recording row that has no audio: no file, or an empty one', async () => {
      const row = (id: string) => ({ id, call_id: 'call-1', file: `recordings/2026/12/${id}.webm`, mime_type: 'audio/webm;codecs=opus', status: 'recording' as const, started_at: 1, finished_at: null, duration_ms: null, bytes: 0, chunks: 0, sha256: null });
      await database.db.insertInto('recordings').values([row('no-file'), row('empty')]).execute();
      mkdirSync(join(dataDir, 'recordings/2026/12'), { recursive: true });
      writeFileSync(join(dataDir, 'recordings/2026/12/empty.webm'), '');
      const store = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept });
      expect(await store.recover()).toBe(0);
      expect(await rows()).toEqual([]);
      expect(existsSync(join(dataDir, 'recordings/2026/12/empty.webm'))).toBe(false);
    });

    it("keeps the recording when the database's disk is full as it ends, and writes its row once there is space", async () => {
      const store = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept });
      for (const [seq, chunk] of chunksOf(fixture).entries()) await store.append('call-1', seq, chunk);
      const full = refuseWritesAsOnAFullDisk(database.sqlite, ['recordings']);
      await store.finish('call-1');
      const [waiting] = await rows();
      expect(waiting?.status).toBe('recording');
      full.free();
      expect(await kept.flush()).toBe(true);
      const [done] = await rows();
      const bytes = readFileSync(join(dataDir, done!.file));
      expect(done).toMatchObject({ status: 'final', chunks: 3, bytes: bytes.length, sha256: sha(bytes) });
      expect(done!.duration_ms).toBeGreaterThan(2500);
    });
  });

  describe('encrypted at rest', () => {
    const fixture = readFileSync(join(import.meta.dirname, 'fixtures/mediarecorder-3s.webm'));
    const chunksOf = (bytes: Buffer) => [bytes.subarray(0, 4000), bytes.subarray(4000, 20_000), bytes.subarray(20_000)];
    const key = newRecordingKey();
    const encryption = { keyForNewRecording: () => key, find: (id: string) => (id === key.id ? key : null) };

    it('writes no audio in the clear, and the finished file opens to the recording with its hash', async () => {
      const store = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept, encryption });
      for (const [seq, chunk] of chunksOf(fixture).entries()) await store.append('call-1', seq, chunk);
      const [recording] = await rows();
      const part = readFileSync(join(dataDir, `${recording!.file}.part`));
      expect(isEncryptedRecording(part)).toBe(true);
      expect(part.includes(fixture.subarray(0, 4))).toBe(false);
      await store.finish('call-1');
      const [done] = await rows();
      const keptFile = readFileSync(join(dataDir, done!.file));
      expect(recordingKeyId(keptFile)).toBe(key.id);
      const audio = recordingBytes(keptFile, encryption.find);
      // The duration was written into the audio's header before it was sealed again.
      expect(audio.length).toBeGreaterThanOrEqual(fixture.length);
      expect(audio.subarray(0, 4)).toEqual(fixture.subarray(0, 4));
      expect(done).toMatchObject({ status: 'final', bytes: audio.length, sha256: sha(audio) });
      expect(done!.duration_ms).toBeGreaterThan(2500);
    });

    it('recovers an encrypted .part after a crash, and leaves one whose key is gone for a later start', async () => {
      const before = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept, encryption });
      for (const [seq, chunk] of chunksOf(fixture).entries()) await before.append('call-1', seq, chunk);
      const [recording] = await rows();
      const keyLost = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept, encryption: { ...encryption, find: () => null } });
      expect(await keyLost.recover()).toBe(0);
      expect(existsSync(join(dataDir, `${recording!.file}.part`))).toBe(true);
      const after = createRecordingStore({ db: database.db, dataDir, clock: systemClock, log, kept, encryption });
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
        kept,
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
