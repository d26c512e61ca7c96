import { useEffect, useState } from 'react';

export type MicrophoneLevel = { state: 'starting' } | { state: 'listening'; level: number } | { state: 'failed'; reason: 'not-allowed' | 'no-microphone' | 'other' };

/**
 * How loud the chosen microphone is right now, 0–100 (the RMS of its samples, scaled so speech
 * fills most of the bar), from getUserMedia through an AnalyserNode; the microphone is let go on
 * unmount. Mount it anew (a key) for another microphone.
 */
export function useMicrophoneLevel(deviceId: string | null): MicrophoneLevel {
  const [level, setLevel] = useState<MicrophoneLevel>({ state: 'starting' });
  useEffect(() => {
    let stopped = false;
    let frame = 0;
    let stream: MediaStream | null = null;
    let context: AudioContext | null = null;
    const start = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true });
      } catch (error) {
        if (stopped) return;
        const name = error instanceof DOMException ? error.name : '';
        setLevel({ state: 'failed', reason: name === 'NotAllowedError' ? 'not-allowed' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'no-microphone' : 'other' });
        return;
      }
      if (stopped) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 1024;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const measure = () => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const sample of samples) sum += sample * sample;
        const rms = Math.sqrt(sum / samples.length);
        setLevel({ state: 'listening', level: Math.min(100, Math.round(rms * 300)) });
        frame = requestAnimationFrame(measure);
      };
      measure();
    };
    void start();
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
      void context?.close();
    };
  }, [deviceId]);
  return level;
}
