import type { RecordingPeaks } from '../../shared/ipc/recordings.ts';
import type { DecodedAudio } from './decode-webm-opus.ts';

/** The loudest sample of each window, per channel: enough to draw a waveform of any length. */
export function computePeaks(audio: DecodedAudio, peaksPerSecond = 50): RecordingPeaks {
  const samples = audio.channels[0]?.length ?? 0;
  const window = audio.sampleRate / peaksPerSecond;
  const count = Math.ceil(samples / window);
  const channels = audio.channels.map((data) => {
    const peaks: number[] = [];
    for (let p = 0; p < count; p++) {
      let max = 0;
      const end = Math.min(data.length, Math.round((p + 1) * window));
      for (let i = Math.round(p * window); i < end; i++) max = Math.max(max, Math.abs(data[i] ?? 0));
      peaks.push(Math.round(Math.min(1, max) * 1000) / 1000);
    }
    return peaks;
  });
  return { durationMs: Math.round((samples / audio.sampleRate) * 1000), peaksPerSecond, channels };
}
