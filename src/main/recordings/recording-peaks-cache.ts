import { existsSync, readFileSync } from 'node:fs';
import { recordingPeaksSchema, type RecordingPeaks } from '../../shared/ipc/recordings.ts';
import { writeFileAtomic } from '../settings/atomic-write.ts';
import { decodeWebmOpus } from './decode-webm-opus.ts';
import { computePeaks } from './recording-peaks.ts';

/** Beside the recording, so deleting or moving a recording takes its waveform along. */
export function peaksFileFor(recordingFile: string): string {
  return `${recordingFile}.peaks.json`;
}

/**
 * The waveform of a finished recording: decoded once, on first playback, then read from disk, so
 * the player draws a long call at once without decoding it in the renderer.
 */
export async function loadPeaks(recordingFile: string): Promise<RecordingPeaks> {
  const cached = peaksFileFor(recordingFile);
  if (existsSync(cached)) {
    const parsed = recordingPeaksSchema.safeParse(parseJson(readFileSync(cached, 'utf8')));
    if (parsed.success) return parsed.data;
  }
  const peaks = computePeaks(await decodeWebmOpus(new Uint8Array(readFileSync(recordingFile))));
  writeFileAtomic(cached, JSON.stringify(peaks));
  return peaks;
}

/** A damaged cache file is recomputed, not an error. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
