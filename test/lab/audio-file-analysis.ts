import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The dominant frequency of each channel of a recording: ffmpeg splits it, sox estimates. */
export function channelFrequencies(file: string, workDir: string): { left: number; right: number } {
  const left = join(workDir, 'left.wav');
  const right = join(workDir, 'right.wav');
  const split = spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', file, '-filter_complex', '[0:a]channelsplit=channel_layout=stereo[l][r]', '-map', '[l]', left, '-map', '[r]', right], { encoding: 'utf8' });
  if (split.status !== 0) throw new Error(`ffmpeg could not read ${file}: ${split.stderr}`);
  const rough = (wav: string) => {
    const stat = spawnSync('sox', [wav, '-n', 'stat'], { encoding: 'utf8' });
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
