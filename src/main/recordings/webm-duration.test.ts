import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withWebmDuration } from './webm-duration.ts';

/** 3.2 s recorded by Chromium's MediaRecorder (webm/opus): no duration in its header. */
const recorded = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', 'mediarecorder-3s.webm')));

describe('withWebmDuration', () => {
  it('writes the duration into a MediaRecorder file and keeps the audio as it was', () => {
    const { bytes, durationMs } = withWebmDuration(recorded);
    expect(durationMs).toBeGreaterThan(3000);
    expect(durationMs).toBeLessThan(3400);
    expect(bytes.byteLength).toBeGreaterThan(recorded.byteLength);
    // The clusters (the audio) are the same bytes at the end of both files.
    expect(Buffer.from(bytes.subarray(bytes.byteLength - 40_000)).equals(Buffer.from(recorded.subarray(recorded.byteLength - 40_000)))).toBe(true);
    expect(withWebmDuration(bytes).durationMs).toBe(durationMs);
  });

  it('leaves a file it cannot read untouched', () => {
    const junk = new Uint8Array([1, 2, 3, 4]);
    expect(withWebmDuration(junk)).toEqual({ bytes: junk, durationMs: null });
    const cut = recorded.subarray(0, 20);
    expect(withWebmDuration(cut).bytes).toBe(cut);
  });
});
