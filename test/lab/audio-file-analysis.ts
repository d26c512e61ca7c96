import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The dominant frequency of each channel of a recording (or of a window of it): ffmpeg splits it, sox estimates. */
export function channelFrequencies(file: string, workDir: string, window?: { fromSeconds: number; seconds: number }): { left: number; right: number } {
  const left = join(workDir, 'left.wav');
  const right = join(workDir, 'right.wav');
  const split = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', file, '-filter_complex', '[0:a]channelsplit=channel_layout=stereo[l][r]', '-map', '[l]', left, '-map', '[r]', right], { encoding: 'utf8' });
  if (split.status !== 0) throw new Error(`ffmpeg could not read ${file}: ${split.stderr}`);
  const rough = (wav: string) => {
    const trim = window ? ['trim', String(window.fromSeconds), String(window.seconds)] : [];
    const stat = spawnSync('sox', [wav, '-n', ...trim, 'stat'], { encoding: 'utf8' });
    const match = /Rough\s+frequency:\s+(\d+)/.exec(stat.stderr);
    if (!match?.[1]) throw new Error(`sox stat gave no frequency for ${wav}: ${stat.stderr}`);
    return Number(match[1]);
  };
  return { left: rough(left), right: rough(right) };
}

/** The duration a player reads from the file's header (ffprobe), in seconds; NaN when absent. */
export function headerDurationSeconds(file: string): number {
  const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  return Number.parseFloat(probe.stdout.trim());
}

/** RMS amplitude (0–1) of one channel of a recording between two times, in seconds. */
export function channelRms(file: string, workDir: string, channel: 'left' | 'right', fromSeconds: number, seconds: number): number {
  const wav = join(workDir, `${channel}-rms.wav`);
  const split = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', file, '-af', `pan=mono|c0=c${channel === 'left' ? 0 : 1}`, wav], { encoding: 'utf8' });
  if (split.status !== 0) throw new Error(`ffmpeg could not read ${file}: ${split.stderr}`);
  const stat = spawnSync('sox', [wav, '-n', 'trim', String(fromSeconds), String(seconds), 'stat'], { encoding: 'utf8' });
  const match = /RMS\s+amplitude:\s+([\d.]+)/.exec(stat.stderr);
  if (!match?.[1]) throw new Error(`sox stat gave no RMS: ${stat.stderr}`);
  return Number(match[1]);
}

/** Level (RMS, 0–1) of one channel in a narrow band around `hz`, per window of `windowSeconds`. */
export function bandLevels(file: string, channel: 'left' | 'right', hz: number, windowSeconds = 0.1): number[] {
  const decoded = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-af', `pan=mono|c0=c${channel === 'left' ? 0 : 1},bandpass=f=${hz}:width_type=h:w=150,aresample=8000`, '-f', 'f32le', '-'],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  if (decoded.status !== 0) throw new Error(`ffmpeg could not read ${file}: ${decoded.stderr.toString()}`);
  const samples = new Float32Array(decoded.stdout.buffer, decoded.stdout.byteOffset, Math.floor(decoded.stdout.byteLength / 4));
  const size = Math.round(8000 * windowSeconds);
  const levels: number[] = [];
  for (let start = 0; start + size <= samples.length; start += size) {
    let sum = 0;
    for (let i = start; i < start + size; i++) sum += (samples[i] ?? 0) ** 2;
    levels.push(Math.sqrt(sum / size));
  }
  return levels;
}
