import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../shared/clock.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { Logger } from '../../shared/logger.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { syncFolder, writeFileAtomic } from '../settings/atomic-write.ts';
import { withWebmDuration } from './webm-duration.ts';
import { encryptRecording, RecordingEncrypter, recordingKeyId, type RecordingKey, type RecordingKeyLookup } from './encrypted-recording.ts';
import { recordingBytes } from './recording-bytes.ts';

interface OpenRecording {
  id: string;
  file: string;
  fd: number;
  /** Set when the recording is encrypted at rest: each chunk is written as a sealed record. */
  encrypter: RecordingEncrypter | null;
  chunks: number;
  nextSeq: number;
}

export interface RecordingStore {
  /** Appends one chunk (about a second of audio) and flushes it to disk before answering. */
  append(callId: string, seq: number, data: Uint8Array, recorderStartedAt?: number): Promise<void>;
  /** The recorder stopped: fix the file's name and hash, mark it final. */
  finish(callId: string): Promise<void>;
  isOpen(callId: string): boolean;
  /** At start-up: every `.part` left by a crash or power cut becomes a recovered recording. */
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

export function createRecordingStore(deps: { db: Kysely<DatabaseSchema>; dataDir: string; clock: Clock; log: Logger; encryption?: RecordingEncryption }): RecordingStore {
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
    let fd: number;
    try {
      mkdirSync(dirname(absolute(file)), { recursive: true });
      fd = openSync(`${absolute(file)}.part`, 'a', 0o600);
      if (encrypter) {
        writeSync(fd, encrypter.header);
        fsyncSync(fd);
      }
    } catch (error) {
      throw storageError(error);
    }
    const recording: OpenRecording = { id, file, fd, encrypter, chunks: 0, nextSeq: 0 };
    open.set(callId, recording);
    await deps.db
      .insertInto('recordings')
      .values({ id: recording.id, call_id: callId, file, mime_type: 'audio/webm;codecs=opus', status: 'recording', started_at: startedAt, finished_at: null, duration_ms: null, bytes: 0, chunks: 0, sha256: null })
      .execute();
    return recording;
  };

  /**
   * The .part becomes the final file with its duration written in (sealed again when encrypted).
   * The hash is of the audio as kept, before encryption, so an export's decrypted copy matches it.
   */
  const finalize = async (id: string, file: string, status: 'final' | 'recovered', chunks: number | null) => {
    const part = `${absolute(file)}.part`;
    const raw = readFileSync(part);
    const find = deps.encryption?.find ?? (() => null);
    // Throws, naming the key, when this computer does not have the one the file needs.
    const original = new Uint8Array(recordingBytes(raw, find));
    const keyId = recordingKeyId(raw);
    const key = keyId === null ? null : find(keyId);
    const fixed = withWebmDuration(original);
    const { durationMs } = fixed;
    let bytes = fixed.bytes;
    try {
      writeFileAtomic(absolute(file), key ? encryptRecording(bytes, key) : bytes);
      rmSync(part);
    } catch (error) {
      // A full disk has no room for the rewritten header: keep the audio as recorded (a rename
      // needs no space), so nothing written is lost; only the header's duration is missing.
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      deps.log.warn('The disk is full: the recording is kept without its duration header', { file });
      renameSync(part, absolute(file));
      bytes = original;
    }
    syncFolder(dirname(absolute(file)));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await deps.db
      .updateTable('recordings')
      .set({ status, sha256, bytes: bytes.byteLength, duration_ms: durationMs, finished_at: deps.clock.now(), ...(chunks !== null && { chunks }) })
      .where('id', '=', id)
      .execute();
    return { bytes: bytes.byteLength, durationMs };
  };

  const store: RecordingStore = {
    async append(callId, seq, data, recorderStartedAt) {
      const recording = open.get(callId) ?? (await start(callId, recorderStartedAt));
      if (seq < recording.nextSeq) return;
      if (seq > recording.nextSeq) deps.log.warn('Recording chunks missing', { callId, expected: recording.nextSeq, got: seq });
      try {
        writeSync(recording.fd, recording.encrypter ? recording.encrypter.record(data) : data);
        fsyncSync(recording.fd);
      } catch (error) {
        throw storageError(error);
      }
      recording.chunks++;
      recording.nextSeq = seq + 1;
    },

    async finish(callId) {
      const recording = open.get(callId);
      if (!recording) return;
      open.delete(callId);
      closeSync(recording.fd);
      const saved = await finalize(recording.id, recording.file, 'final', recording.chunks);
      deps.log.info('Recording saved', { callId, file: recording.file, ...saved });
    },

    isOpen: (callId) => open.has(callId),

    async recover() {
      const left = await deps.db.selectFrom('recordings').select(['id', 'file']).where('status', '=', 'recording').execute();
      let recovered = 0;
      for (const row of left) {
        const part = `${absolute(row.file)}.part`;
        if (!existsSync(part)) {
          deps.log.warn('A recording was interrupted before any audio was written', { file: row.file });
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

function storageError(error: unknown): RpcError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new RpcError('disk-full', 'The disk is full: this call is not being recorded. The call goes on.');
  // A read-only disk makes Node's recursive mkdir report ENOENT; a file where a folder should be, ENOTDIR.
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT' || code === 'ENOTDIR') {
    return new RpcError('not-writable', 'The recordings folder cannot be written: this call is not being recorded. The call goes on.');
  }
  const detail = error instanceof Error ? error.message : 'unknown error';
  return new RpcError('storage', `The recording could not be written (${detail}): this call is not being recorded. The call goes on.`, { detail });
}
