// wavefile is CommonJS: Node's ESM sees only its default export.
import wavefile from 'wavefile';
import type { DecodedAudio } from './decode-webm-opus.ts';

/** 16-bit PCM WAV, for players and tools that do not read WebM/Opus. */
export function encodeWav(audio: DecodedAudio): Uint8Array {
  const wav = new wavefile.WaveFile();
  const samples = audio.channels.map((channel) => {
    const pcm = new Int16Array(channel.length);
    for (let i = 0; i < channel.length; i++) pcm[i] = Math.round(Math.max(-1, Math.min(1, channel[i] ?? 0)) * 32767);
    return pcm;
  });
  wav.fromScratch(audio.channels.length, audio.sampleRate, '16', audio.channels.length === 1 ? samples[0]! : samples);
  return wav.toBuffer();
}
