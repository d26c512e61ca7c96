import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A sine tone for a fake microphone (48 kHz WAV) or for SIPp's RTP stream (8 kHz u-law raw). */
export function makeTone(dir: string, hz: number, format: 'wav' | 'ulaw', seconds = 60): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, format === 'wav' ? `tone${hz}.wav` : `tone${hz}.ul`);
  if (existsSync(file)) return file;
  const args =
    format === 'wav'
      ? ['-n', '-r', '48000', '-b', '16', '-c', '1', file, 'synth', String(seconds), 'sine', String(hz), 'vol', '0.5']
      : ['-n', '-r', '8000', '-c', '1', '-e', 'u-law', '-t', 'raw', file, 'synth', String(seconds), 'sine', String(hz), 'vol', '0.5'];
  const result = spawnSync('sox', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sox could not make ${file}: ${result.stderr}`);
  return file;
}
