import { existsSync, readFileSync } from 'node:fs';
import { recordingPeaksSchema, type RecordingPeaks } from '../../shared/ipc/recordings.ts';
import { writeFileAtomic } from '../settings/atomic-write.ts';
import { decryptRecording, encryptRecording, isEncryptedRecording, recordingKeyId, type RecordingKeyLookup } from './encrypted-recording.ts';
import { recordingBytes } from './recording-bytes.ts';
import { computePeaks } from './recording-peaks.ts';

/** Beside the recording, so deleting or moving a recording takes its waveform along. */
export function peaksFileFor(recordingFile: string): string {
  return `${recordingFile}.peaks.json`;
}

/**
 * The waveform of a finished recording: decoded once, on first playback, then read from disk, so
 * the player draws a long call at once without decoding it in the renderer. The waveform of an
 * encrypted recording is kept encrypted with the same key: its outline shows who spoke when.
 */
export async function loadPeaks(recordingFile: string, keys: RecordingKeyLookup): Promise<RecordingPeaks> {
  const cached = peaksFileFor(recordingFile);
  if (existsSync(cached)) {
    const parsed = recordingPeaksSchema.safeParse(parseJson(readCache(cached, keys)));
    if (parsed.success) return parsed.data;
  }
  const raw = readFileSync(recordingFile);
  // The Opus decoder (WebAssembly) is loaded by the first waveform drawn, not at start.
  const { decodeWebmOpus } = await import('./decode-webm-opus.ts');
  const peaks = computePeaks(await decodeWebmOpus(new Uint8Array(recordingBytes(raw, keys))));
  const json = Buffer.from(JSON.stringify(peaks), 'utf8');
  const keyId = recordingKeyId(raw);
  const key = keyId === null ? null : keys(keyId);
  writeFileAtomic(cached, key ? encryptRecording(json, key) : json);
  return peaks;
}

/** A damaged or unreadable cache file is recomputed, not an error. */
function readCache(file: string, keys: RecordingKeyLookup): string | null {
  try {
    const bytes = readFileSync(file);
    return (isEncryptedRecording(bytes) ? decryptRecording(bytes, keys).plaintext : bytes).toString('utf8');
  } catch {
    return null;
  }
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
