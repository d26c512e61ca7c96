/**
 * Runs in a page: listens to a MediaStream for `ms` and returns the loudest frequency and its
 * level. Headless Chromium reports audioLevel 0 (no output device), so we measure with WebAudio.
 */
export async function peakFrequencyInPage(args: { selector: string | null; ms: number }): Promise<{ hz: number; db: number }> {
  const w = window as unknown as { __labRemoteStream?: () => MediaStream | undefined };
  const stream = args.selector
    ? document.querySelector<HTMLMediaElement>(args.selector)?.srcObject
    : w.__labRemoteStream?.();
  if (!(stream instanceof MediaStream) || stream.getAudioTracks().length === 0) return { hz: 0, db: -Infinity };
  const context = new AudioContext();
  await context.resume();
  const analyser = context.createAnalyser();
  analyser.fftSize = 8192;
  analyser.smoothingTimeConstant = 0;
  context.createMediaStreamSource(stream).connect(analyser);
  const sums = new Float32Array(analyser.frequencyBinCount);
  const frame = new Float32Array(analyser.frequencyBinCount);
  const frames = Math.max(1, Math.round(args.ms / 100));
  for (let i = 0; i < frames; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    analyser.getFloatFrequencyData(frame);
    for (let b = 0; b < frame.length; b++) sums[b] = (sums[b] ?? 0) + Math.pow(10, (frame[b] ?? -200) / 10);
  }
  let best = 1;
  for (let b = 2; b < sums.length; b++) if ((sums[b] ?? 0) > (sums[best] ?? 0)) best = b;
  const hz = (best * context.sampleRate) / analyser.fftSize;
  const db = 10 * Math.log10((sums[best] ?? 0) / frames);
  await context.close();
  return { hz, db };
}
