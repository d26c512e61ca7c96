import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWebmOpus } from './decode-webm-opus.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)));
/** ffmpeg-made: 2 s, 440 Hz on the left, 1000 Hz on the right. */
const stereo = fixture('stereo-440-left-1000-right-2s.webm');
/** Chromium MediaRecorder's own output: unknown-size segment and clusters, no duration. */
const mediaRecorder = fixture('mediarecorder-3s.webm');

/** Signal power at one frequency (Goertzel), relative to the window's total power. */
function toneShare(samples: Float32Array, sampleRate: number, hz: number): number {
  const coeff = 2 * Math.cos((2 * Math.PI * hz) / sampleRate);
  let s1 = 0;
  let s2 = 0;
  let energy = 0;
  for (const x of samples) {
    const s0 = x + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
    energy += x * x;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return power / (energy * samples.length / 2);
}

describe('WebM/Opus decoding', () => {
  it('decodes a stereo file: 440 Hz on the left channel, 1000 Hz on the right, at full length', async () => {
    const audio = await decodeWebmOpus(stereo);
    expect(audio.sampleRate).toBe(48_000);
    expect(audio.channels).toHaveLength(2);
    expect(audio.channels[0]!.length / 48_000).toBeCloseTo(2.0, 1);
    const [left, right] = audio.channels.map((c) => c.subarray(9600, 9600 + 48_000)) as [Float32Array, Float32Array];
    expect(toneShare(left, 48_000, 440)).toBeGreaterThan(0.9);
    expect(toneShare(left, 48_000, 1000)).toBeLessThan(0.05);
    expect(toneShare(right, 48_000, 1000)).toBeGreaterThan(0.9);
    expect(toneShare(right, 48_000, 440)).toBeLessThan(0.05);
  });

  it('decodes MediaRecorder output, whose segment and clusters have no size', async () => {
    const audio = await decodeWebmOpus(mediaRecorder);
    const seconds = audio.channels[0]!.length / audio.sampleRate;
    expect(seconds).toBeGreaterThan(2.5);
    expect(seconds).toBeLessThan(3.6);
    expect(audio.channels[0]!.some((x) => Math.abs(x) > 0.01)).toBe(true);
  });

  it('decodes a file cut short by a crash up to its last complete block', async () => {
    const whole = await decodeWebmOpus(mediaRecorder);
    const cut = await decodeWebmOpus(mediaRecorder.subarray(0, Math.floor(mediaRecorder.length * 0.6) + 7));
    const wholeSeconds = whole.channels[0]!.length / 48_000;
    const cutSeconds = cut.channels[0]!.length / 48_000;
    expect(cutSeconds).toBeGreaterThan(wholeSeconds * 0.4);
    expect(cutSeconds).toBeLessThan(wholeSeconds * 0.8);
  });

  it('refuses what is not WebM/Opus with a clear message', async () => {
    await expect(decodeWebmOpus(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).rejects.toThrow('Not a WebM file (no EBML header).');
    const riff = new TextEncoder().encode('RIFF....WAVEfmt ');
    await expect(decodeWebmOpus(riff)).rejects.toThrow(/Not a WebM file/);
  });
});
