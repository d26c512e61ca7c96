import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../../shared/logger.ts';
import { syncFolder, writeFileAtomic } from '../settings/atomic-write.ts';
import { encryptRecording, recordingKeyId, type RecordingKeyLookup } from './encrypted-recording.ts';
import { recordingBytes } from './recording-bytes.ts';

/**
 * The .part becomes the final file with its duration written in (sealed again when encrypted).
 * The hash is of the audio as kept, before encryption, so an export's decrypted copy matches it.
 * `file` is relative to the data folder, as the recording's row names it.
 */
export async function writeFinalRecordingFile(deps: { dataDir: string; find: RecordingKeyLookup; log: Logger }, file: string): Promise<{ bytes: number; durationMs: number | null; sha256: string }> {
  const final = join(deps.dataDir, file);
  const part = `${final}.part`;
  // A full disk may have made the .part the final file already, without its duration header.
  const fromPart = existsSync(part);
  const raw = readFileSync(fromPart ? part : final);
  // Throws, naming the key, when this computer does not have the one the file needs.
  const original = new Uint8Array(recordingBytes(raw, deps.find));
  const keyId = recordingKeyId(raw);
  const key = keyId === null ? null : deps.find(keyId);
  // The WebM reader (ts-ebml) is loaded by the first recording finished, not at start.
  const { withWebmDuration } = await import('./webm-duration.ts');
  const fixed = withWebmDuration(original);
  let bytes = fixed.bytes;
  try {
    writeFileAtomic(final, key ? encryptRecording(bytes, key) : bytes);
    if (fromPart) rmSync(part);
  } catch (error) {
    // A full disk has no room for the rewritten header: keep the audio as recorded (a rename
    // needs no space), so nothing written is lost; the header is written by a later start.
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    deps.log.warn('The disk is full: the recording is kept without its duration header', { file });
    if (fromPart) renameSync(part, final);
    bytes = original;
  }
  syncFolder(dirname(final));
  return { bytes: bytes.byteLength, durationMs: fixed.durationMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}
