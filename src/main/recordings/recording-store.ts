import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../shared/clock.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { isDiskFull } from '../db/disk-full.ts';
import type { KeptWrites } from '../db/kept-writes.ts';
import { writeAll } from '../settings/atomic-write.ts';
import { RecordingEncrypter, type RecordingKey, type RecordingKeyLookup } from './encrypted-recording.ts';
import { writeFinalRecordingFile } from './final-recording-file.ts';

interface OpenRecording {
  id: string;
  file: string;
  fd: number;
  /** Set when the recording is encrypted at rest: each chunk is written as a sealed record. */
  encrypter: RecordingEncrypter | null;
  chunks: number;
  nextSeq: number;
  startedAt: number;
  /** The bytes of whole chunks in the file: a chunk the disk could not take is cut off again. */
  size: number;
  /** Set when a chunk could not be written: later chunks would not continue the audio. */
  stoppedBy: RpcError | null;
}

export interface RecordingStore {
  /** Appends one chunk (about a second of audio) and flushes it to disk before answering. */
  append(callId: string, seq: number, data: Uint8Array, recorderStartedAt?: number): Promise<void>;
  /** The recorder stopped: fix the file's name and hash, mark it final. */
  finish(callId: string): Promise<void>;
  isOpen(callId: string): boolean;
  /**
   * At start-up: every recording row still 'recording' (a crash, a power cut, or a full disk that
   * refused its last update) is finished from what is on disk, its `.part` or its final file.
   */
  recover(): Promise<number>;
  finishAll(): Promise<void>;
}

/**
 * Recordings are evidence: each chunk is on disk (fsync) when the renderer hears back, so a crash
 * loses at most the chunk in flight; finishing renames atomically and syncs the folder.
 */
export interface RecordingEncryption {
  /** The key a new recording is encrypted with, or null while encryption is off. */
  keyForNewRecording(): RecordingKey | null;
  find: RecordingKeyLookup;
}

/** `kept`: the recording rows are written through it, so a full database disk delays them, never loses them. */
export function createRecordingStore(deps: { db: Kysely<DatabaseSchema>; dataDir: string; clock: Clock; log: Logger; kept: KeptWrites; encryption?: RecordingEncryption }): RecordingStore {
  const open = new Map<string, OpenRecording>();
  const absolute = (file: string) => join(deps.dataDir, file);

  const start = async (callId: string, recorderStartedAt: number | undefined): Promise<OpenRecording> => {
    const now = new Date(deps.clock.now());
    // The recorder's own start (its first chunk arrives a second later), if the window's clock is sane.
    const startedAt = recorderStartedAt !== undefined && recorderStartedAt <= now.getTime() && recorderStartedAt > now.getTime() - 10_000 ? recorderStartedAt : now.getTime();
    const id = uuidv7();
    // Named by the recording, not the call: an on-demand call can hold several recordings.
    const file = join('recordings', String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'), `${id}.webm`);
    let key: RecordingKey | null;
    try {
      key = deps.encryption?.keyForNewRecording() ?? null;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new RpcError('recording-key-unusable', `${detail} This call is not being recorded. The call goes on.`, { detail });
    }
    const encrypter = key ? new RecordingEncrypter(key) : null;
    const part = `${absolute(file)}.part`;
    let fd: number | null = null;
    // Nothing is left behind by a start that fails: no empty file, no row without audio.
    const abandon = () => {
      if (fd === null) return;
      closeSync(fd);
      rmSync(part, { force: true });
    };
    try {
      mkdirSync(dirname(absolute(file)), { recursive: true });
      fd = openSync(part, 'a', 0o600);
      if (encrypter) {
        writeAll(fd, encrypter.header);
        fsyncSync(fd);
      }
    } catch (error) {
      abandon();
      throw storageError(error, null);
    }
    const recording: OpenRecording = { id, file, fd, encrypter, chunks: 0, nextSeq: 0, startedAt, size: encrypter?.header.byteLength ?? 0, stoppedBy: null };
    try {
      // The call's own row may still be waiting for space: the kept writes keep this one after it.
      await deps.kept.write(`recording ${id}`, () =>
        deps.db
          .insertInto('recordings')
          .values({ id, call_id: callId, file, mime_type: 'audio/webm;codecs=opus', status: 'recording', started_at: startedAt, finished_at: null, duration_ms: null, bytes: 0, chunks: 0, sha256: null })
          .execute()
          .then(() => undefined),
      );
    } catch (error) {
      abandon();
      throw storageError(error, null);
    }
    open.set(callId, recording);
    return recording;
  };

  /** The final file, then its row: the size, duration and hash of the audio as kept. */
  const finalize = async (id: string, file: string, status: 'final' | 'recovered', chunks: number | null) => {
    const { bytes, durationMs, sha256 } = await writeFinalRecordingFile({ dataDir: deps.dataDir, find: deps.encryption?.find ?? (() => null), log: deps.log }, file);
    const row = await deps.kept.write(`recording ${id} ${status}`, () =>
      deps.db
        .updateTable('recordings')
        .set({ status, sha256, bytes, duration_ms: durationMs, finished_at: deps.clock.now(), ...(chunks !== null && { chunks }) })
        .where('id', '=', id)
        .execute()
        .then(() => undefined),
    );
    return { bytes, durationMs, row };
  };

  /** A recording with no audio at all is not kept: neither an empty file nor a row that promises one. */
  const discard = async (id: string, file: string) => {
    rmSync(`${absolute(file)}.part`, { force: true });
    rmSync(absolute(file), { force: true });
    await deps.kept.write(`recording ${id} discarded`, () =>
      deps.db
        .deleteFrom('recordings')
        .where('id', '=', id)
        .execute()
        .then(() => undefined),
    );
  };

  const store: RecordingStore = {
    async append(callId, seq, data, recorderStartedAt) {
      const recording = open.get(callId) ?? (await start(callId, recorderStartedAt));
      if (recording.stoppedBy) throw recording.stoppedBy;
      if (seq < recording.nextSeq) return;
      if (seq > recording.nextSeq) deps.log.warn('Recording chunks missing', { callId, expected: recording.nextSeq, got: seq });
      const bytes = recording.encrypter ? recording.encrypter.record(data) : data;
      try {
        writeAll(recording.fd, bytes);
        fsyncSync(recording.fd);
      } catch (error) {
        // A chunk written in part would end the file in the middle of a block: cut it off (that
        // needs no space), so the audio before it stays whole and playable.
        ftruncateSync(recording.fd, recording.size);
        fsyncSync(recording.fd);
        recording.stoppedBy = storageError(error, recording.chunks === 0 ? null : deps.clock.now() - recording.startedAt);
        deps.log.warn('A recording chunk could not be written: the recording stops here', { callId, chunks: recording.chunks, code: recording.stoppedBy.code });
        throw recording.stoppedBy;
      }
      recording.size += bytes.byteLength;
      recording.chunks++;
      recording.nextSeq = seq + 1;
    },

    async finish(callId) {
      const recording = open.get(callId);
      if (!recording) return;
      open.delete(callId);
      closeSync(recording.fd);
      if (recording.chunks === 0) {
        await discard(recording.id, recording.file);
        deps.log.warn('A recording ended before any audio was written: nothing is kept', { callId });
        return;
      }
      const saved = await finalize(recording.id, recording.file, 'final', recording.chunks);
      deps.log.info(saved.row === 'kept' ? 'Recording saved; its row is written once the disk has space' : 'Recording saved', { callId, file: recording.file, bytes: saved.bytes, durationMs: saved.durationMs });
    },

    isOpen: (callId) => open.has(callId),

    async recover() {
      const left = await deps.db.selectFrom('recordings').select(['id', 'file']).where('status', '=', 'recording').execute();
      let recovered = 0;
      for (const row of left) {
        const found = [`${absolute(row.file)}.part`, absolute(row.file)].find((file) => existsSync(file));
        if (found === undefined || statSync(found).size === 0) {
          deps.log.warn('A recording was interrupted before any audio was written: nothing is kept', { file: row.file });
          await discard(row.id, row.file);
          continue;
        }
        try {
          await finalize(row.id, row.file, 'recovered', null);
          recovered++;
        } catch (error) {
          // Kept as it is: with its key restored, the next start recovers it.
          deps.log.error('A recording interrupted by a crash could not be recovered', { file: row.file, error: error instanceof Error ? error.message : String(error) });
        }
      }
      if (recovered > 0) deps.log.info('Recovered recordings interrupted by a crash', { recovered });
      return recovered;
    },

    async finishAll() {
      for (const callId of [...open.keys()]) await store.finish(callId);
    },
  };
  return store;
}

/** `recordedMs`: how long the recording ran before it stopped (null: nothing of it was written). */
function storageError(error: unknown, recordedMs: number | null): RpcError {
  if (error instanceof RpcError) return error;
  if (isDiskFull(error)) {
    if (recordedMs === null) return new RpcError('disk-full', 'The disk is full: this call is not being recorded. The call goes on.');
    const at = elapsed(recordedMs);
    return new RpcError('disk-full-recording-stopped', `The disk is full: the recording stopped at ${at}; what was recorded until then is kept. The call goes on.`, { at });
  }
  const code = (error as NodeJS.ErrnoException).code;
  // A read-only disk makes Node's recursive mkdir report ENOENT; a file where a folder should be, ENOTDIR.
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT' || code === 'ENOTDIR') {
    return new RpcError('not-writable', 'The recordings folder cannot be written: this call is not being recorded. The call goes on.');
  }
  const detail = error instanceof Error ? error.message : 'unknown error';
  return new RpcError('storage', `The recording could not be written (${detail}): this call is not being recorded. The call goes on.`, { detail });
}

/** 1:23, or 1:02:03 past an hour: the same in every language. */
function elapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const [h, m, sec] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}
