import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import type { Kysely } from 'kysely';
import { ZipFile } from 'yazl';
import type { Clock } from '../../shared/clock.ts';
import type { ExportFilter, ExportFormat } from '../../shared/ipc/recordings.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { syncFolder } from '../settings/atomic-write.ts';
import { decodeWebmOpus } from './decode-webm-opus.ts';
import { manifestCsvChunks, manifestJsonChunks, manifestRow, type ManifestLocale, type ManifestRow } from './export-manifest.ts';
import { selectRecordings, type SelectedRecording } from './recording-selection.ts';
import { encodeWav } from './recording-wav.ts';
import { verifyExportArchive } from './verify-export.ts';
import { archiveFileWriter } from './archive-file-writer.ts';
import { isEncryptedRecording, type RecordingKeyLookup } from './encrypted-recording.ts';
import { recordingBytes, recordingFileKeyId } from './recording-bytes.ts';
import { ReusedReadBuffers } from './reused-read-buffers.ts';
import { useNativeCrc32ForYazl } from './yazl-native-crc32.ts';

useNativeCrc32ForYazl();
/** Large reads: fewer chunks through the hash, yazl and the disk. */
const READ_CHUNK_BYTES = 256 * 1024;
/** Recordings up to this size (about 20 minutes) are read whole; longer ones stream. */
const HOLD_BYTES = 32 * 1024 * 1024;
/**
 * While one recording is written, the next few are already being read (the disk's reads overlap
 * its writes, as a plain copy's do): at most READ_AHEAD files of up to READ_AHEAD_MAX_BYTES each,
 * so memory stays flat.
 */
const READ_AHEAD = 3;
const READ_AHEAD_MAX_BYTES = 8 * 1024 * 1024;

export interface ExportProgressReport {
  phase: 'writing' | 'verifying';
  done: number;
  total: number;
}

export interface ExportOptions {
  db: Kysely<DatabaseSchema>;
  dataDir: string;
  /** Keys for recordings encrypted at rest; the archive holds them decrypted. Without one a recording is listed as a problem. */
  keys?: RecordingKeyLookup;
  clock: Clock;
  filter: ExportFilter;
  format: ExportFormat;
  /** The language, region and time zone of the manifests' columns for people. */
  locale: ManifestLocale;
  /** The archive to create (absolute path); it appears only when complete and verified. */
  target: string;
  signal?: AbortSignal;
  onProgress?(progress: ExportProgressReport): void;
}

export interface ExportResult {
  file: string;
  calls: number;
  recordings: number;
  /** Recordings listed in the manifest but not in the archive (their file was missing or unreadable). */
  problems: number;
  bytes: number;
}

export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled; no archive was left behind.');
    this.name = 'ExportCancelledError';
  }
}

/**
 * Streams the chosen recordings into a ZIP (stored, not deflated: Opus does not compress further),
 * with manifest.csv and manifest.json carrying each call's facts and the SHA-256 of each file as
 * archived. Files are read one at a time, so memory stays flat for any number of recordings. The
 * archive is written as `.part`, verified by reading it back, and only then given its name.
 */
export async function exportRecordings(options: ExportOptions): Promise<ExportResult> {
  const selected = await selectRecordings(options.db, options.filter);
  const part = `${options.target}.part`;
  mkdirSync(dirname(options.target), { recursive: true });
  // In the order chosen (by time), whichever recording finished first; a hole until each is done.
  const rows: ManifestRow[] = [];
  let done = 0;
  const report = (phase: ExportProgressReport['phase']) => options.onProgress?.({ phase, done, total: selected.length });
  const cancelled = () => options.signal?.aborted === true;
  const keys = options.keys ?? (() => null);
  try {
    if (cancelled()) throw new ExportCancelledError();
    report('writing');
    const zip = new ZipFile();
    const output = zip.outputStream as Readable;
    const buffers = new ReusedReadBuffers();
    const written = pipeline(output, archiveFileWriter(part, (chunk) => buffers.written(chunk)), { signal: options.signal });
    // Any failure (a source that cannot be read, yazl's own errors) ends the output, which ends the pipeline.
    const fail = (error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error)));
    zip.on('error', fail);
    const usedNames = new Set<string>();
    const readAhead = new ReadAhead(buffers, keys, selected.map((r) => ({ file: join(options.dataDir, r.file), bytes: options.format === 'webm' && r.bytes <= READ_AHEAD_MAX_BYTES ? r.bytes : null })));
    for (const [index, recording] of selected.entries()) {
      const source = join(options.dataDir, recording.file);
      const unavailable = !existsSync(source) ? 'the recording file is missing' : missingKey(source, keys);
      if (unavailable) {
        rows[index] = manifestRow(recording, { file: '', format: options.format, bytes: 0, sha256: '', problem: unavailable }, options.locale);
        done++;
        continue;
      }
      const name = archiveName(recording, options.format, usedNames);
      zip.addReadStreamLazy(name, { compress: false, mtime: new Date(recording.startedAt) }, (cb) => {
        if (cancelled()) return fail(new ExportCancelledError());
        openSource(source, options.format, readAhead.take(index), keys).then((opened) => {
          let bytes = 0;
          const counted = new Transform({
            transform(chunk: Buffer, _encoding, next) {
              opened.hash?.update(chunk);
              bytes += chunk.length;
              next(null, chunk);
            },
            flush(next) {
              Promise.all([opened.sha256(), opened.sourceSha256()]).then(([sha256, sourceSha256]) => {
                const problem = recording.sha256 === null ? 'no hash was stored for this recording' : sourceSha256 === recording.sha256 ? '' : 'the recording file changed after it was saved';
                rows[index] = manifestRow(recording, { file: name, format: options.format, bytes, sha256, problem }, options.locale);
                done++;
                report('writing');
                next();
              }, next);
            },
          });
          opened.stream.on('error', fail);
          cb(null, opened.stream.pipe(counted));
        }, fail);
      });
    }
    // The manifests are added last: they carry the hashes computed while the files streamed. Their
    // text is made a piece at a time as the archive takes it; manifest.json's hash is kept for the check.
    zip.addReadStreamLazy('manifest.csv', (cb) => cb(null, Readable.from(manifestCsvChunks(rows))));
    const manifestJsonHash = createHash('sha256');
    zip.addReadStreamLazy('manifest.json', (cb) =>
      cb(null, Readable.from(hashedChunks(manifestJsonChunks(rows, { exportedAt: options.clock.now(), filter: options.filter, format: options.format }), manifestJsonHash))),
    );
    zip.end();
    await written;
    if (cancelled()) throw new ExportCancelledError();
    report('verifying');
    await verifyExportArchive(part, { expected: { rows, manifestJsonSha256: manifestJsonHash.digest('hex') }, thorough: false });
    renameSync(part, options.target);
    syncFolder(dirname(options.target));
  } catch (error) {
    rmSync(part, { force: true });
    if (cancelled()) throw new ExportCancelledError();
    throw error;
  }
  return {
    file: options.target,
    calls: new Set(rows.map((r) => r.callId)).size,
    recordings: rows.filter((r) => r.file !== '').length,
    problems: rows.filter((r) => r.problem !== '').length,
    bytes: rows.reduce((sum, r) => sum + r.bytes, 0),
  };
}

interface OpenedSource {
  stream: Readable;
  /** Set when the archived bytes are hashed as they stream (a file too large to hold). */
  hash: Hash | null;
  /** SHA-256 of the bytes as archived. */
  sha256(): Promise<string>;
  /** SHA-256 of the recording file as it is on disk (to compare with the stored one). */
  sourceSha256(): Promise<string>;
}

/**
 * The bytes to archive. A file up to HOLD_BYTES is read whole (ahead, while earlier ones are
 * written) and hashed as soon as it is read; an encrypted one is decrypted. A larger plain file
 * streams and is hashed as it passes.
 */
async function openSource(source: string, format: ExportFormat, preread: Promise<HashedFile> | null, keys: RecordingKeyLookup): Promise<OpenedSource> {
  if (preread === null && format === 'webm' && statSync(source).size > HOLD_BYTES && recordingFileKeyId(source) === null) {
    const hash = createHash('sha256');
    let digest: string | null = null;
    const sha256 = () => Promise.resolve((digest ??= hash.digest('hex')));
    return { stream: createReadStream(source, { highWaterMark: READ_CHUNK_BYTES }), hash, sha256, sourceSha256: sha256 };
  }
  const original = await (preread ?? readHashed(source, keys));
  const sourceSha256 = () => Promise.resolve(original.sha256);
  if (format === 'webm') return { stream: Readable.from([original.data]), hash: null, sha256: sourceSha256, sourceSha256 };
  const wav = encodeWav(await decodeWebmOpus(new Uint8Array(original.data.buffer, original.data.byteOffset, original.data.byteLength)));
  const wavBytes = Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength);
  const wavSha256 = sha256Hex(wavBytes);
  return { stream: Readable.from([wavBytes]), hash: null, sha256: () => Promise.resolve(wavSha256), sourceSha256 };
}

interface HashedFile {
  data: Buffer;
  sha256: string;
}

/** A whole recording's audio (decrypted if need be) and its SHA-256, taken as soon as it is read. */
async function readHashed(file: string, keys: RecordingKeyLookup, buffers?: ReusedReadBuffers): Promise<HashedFile> {
  const raw = await (buffers ? buffers.readFile(file) : readFile(file));
  if (!isEncryptedRecording(raw)) return { data: raw, sha256: sha256Hex(raw) };
  const data = recordingBytes(raw, keys);
  buffers?.written(raw);
  return { data, sha256: sha256Hex(data) };
}

/** Why an encrypted recording cannot be exported here (its key is not on this computer), or ''. */
function missingKey(source: string, keys: RecordingKeyLookup): string {
  const keyId = recordingFileKeyId(source);
  return keyId !== null && keys(keyId) === null ? `the recording is encrypted with a key this computer does not have (key ${keyId})` : '';
}

/** Reads of the recordings that come next, started while the current one is written. */
class ReadAhead {
  private readonly buffers: ReusedReadBuffers;
  private readonly keys: RecordingKeyLookup;
  private readonly files: { file: string; bytes: number | null }[];
  private readonly started = new Map<number, Promise<HashedFile>>();

  constructor(buffers: ReusedReadBuffers, keys: RecordingKeyLookup, files: { file: string; bytes: number | null }[]) {
    this.buffers = buffers;
    this.keys = keys;
    this.files = files;
  }

  /** The read of file `index` if it was started ahead (null when it is too big to hold); starts the next ones. */
  take(index: number): Promise<HashedFile> | null {
    for (let next = index; next <= index + READ_AHEAD && next < this.files.length; next++) {
      const entry = this.files[next];
      if (!entry || entry.bytes === null || this.started.has(next)) continue;
      const read = readHashed(entry.file, this.keys, this.buffers);
      // A read never taken (a cancelled export) must not surface as an unhandled rejection.
      read.catch(() => undefined);
      this.started.set(next, read);
    }
    const read = this.started.get(index) ?? null;
    this.started.delete(index);
    return read;
  }
}

function* hashedChunks(chunks: Iterable<Buffer>, hash: Hash): Generator<Buffer> {
  for (const chunk of chunks) {
    hash.update(chunk);
    yield chunk;
  }
}

function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `recordings/2026-11-22/143005_+302101234567_0193ab12.webm`: sortable, unique, safe on any disk. */
function archiveName(recording: SelectedRecording, format: ExportFormat, used: Set<string>): string {
  const at = new Date(recording.startedAt).toISOString();
  const day = at.slice(0, 10);
  const time = at.slice(11, 19).replaceAll(':', '');
  const number = (recording.remoteE164 ?? recording.remoteNumber).replace(/[^+\d]/g, '').slice(0, 20) || 'unknown';
  const base = `recordings/${day}/${time}_${number}_${recording.recordingId.slice(-12)}`;
  let name = `${base}.${format}`;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}.${format}`;
  used.add(name);
  return name;
}
