import { describe, expect, it } from 'vitest';
import { WaveFile } from 'wavefile';
import type { DecodedAudio } from './decode-webm-opus.ts';
import { computePeaks } from './recording-peaks.ts';
import { encodeWav } from './recording-wav.ts';

/** One second: a quiet left channel and a right one that is loud in its second half. */
function audio(): DecodedAudio {
  const left = new Float32Array(48_000).fill(0.1);
  const right = new Float32Array(48_000);
  for (let i = 24_000; i < 48_000; i++) right[i] = i % 2 === 0 ? 0.8 : -0.8;
  return { sampleRate: 48_000, channels: [left, right] };
}

describe('WAV export', () => {
  it('writes 16-bit stereo PCM that reads back sample for sample', () => {
    const wav = new WaveFile(encodeWav(audio()));
    expect(wav.fmt).toMatchObject({ numChannels: 2, sampleRate: 48_000, bitsPerSample: 16 });
    const [left, right] = wav.getSamples(false, Int16Array) as unknown as [Int16Array, Int16Array];
    expect(left.length).toBe(48_000);
    expect(left[0]).toBe(Math.round(0.1 * 32767));
    expect(right[24_000]).toBe(Math.round(0.8 * 32767));
  });
});

describe('waveform peaks', () => {
  it('gives the loudest sample of each window, per channel', () => {
    const peaks = computePeaks(audio(), 4);
    expect(peaks).toEqual({ durationMs: 1000, peaksPerSecond: 4, channels: [[0.1, 0.1, 0.1, 0.1], [0, 0, 0.8, 0.8]] });
  });

  it('covers a partial last window and keeps values within 0–1', () => {
    const clipped: DecodedAudio = { sampleRate: 48_000, channels: [new Float32Array(1000).fill(-1.5)] };
    expect(computePeaks(clipped, 50)).toEqual({ durationMs: 21, peaksPerSecond: 50, channels: [[1, 1]] });
  });
});
