const BEEP_HZ = 1400;
const BEEP_SECONDS = 0.2;
/** An announcement longer than this is cut: a caller must not wait on a broken file. */
const ANNOUNCEMENT_LIMIT_MS = 30_000;

/**
 * What the caller hears from this desk when consent is on: the microphone, mixed with the
 * recording announcement (the microphone is muted while it plays) and a periodic reminder beep.
 */
export class OutgoingLine {
  readonly stream: MediaStream;
  private readonly context = new AudioContext();
  private readonly destination: MediaStreamAudioDestinationNode;
  private readonly microphoneGain: GainNode;
  private beepTimer: ReturnType<typeof setInterval> | null = null;

  constructor(microphone: MediaStream) {
    this.destination = this.context.createMediaStreamDestination();
    this.microphoneGain = this.context.createGain();
    this.context.createMediaStreamSource(microphone).connect(this.microphoneGain).connect(this.destination);
    this.stream = this.destination.stream;
    void this.context.resume();
  }

  /** Plays the announcement to the caller; resolves when it has ended, rejects if it cannot play. */
  async announce(url: string): Promise<void> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(response.status === 404 ? 'the announcement file is missing' : `the announcement could not be loaded (${response.status})`);
    const buffer = await this.context.decodeAudioData(await response.arrayBuffer());
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.destination);
    this.microphoneGain.gain.setValueAtTime(0, this.context.currentTime);
    try {
      await new Promise<void>((resolve) => {
        const limit = setTimeout(() => {
          source.stop();
          resolve();
        }, ANNOUNCEMENT_LIMIT_MS);
        source.addEventListener('ended', () => {
          clearTimeout(limit);
          resolve();
        });
        source.start();
      });
    } finally {
      source.disconnect();
      this.microphoneGain.gain.setValueAtTime(1, this.context.currentTime);
    }
  }

  /** A short tone every `seconds` until stopped: the caller is reminded the call is recorded. */
  startBeeps(seconds: number): void {
    this.stopBeeps();
    this.beepTimer = setInterval(() => this.beep(), seconds * 1000);
  }

  stopBeeps(): void {
    if (this.beepTimer !== null) clearInterval(this.beepTimer);
    this.beepTimer = null;
  }

  close(): void {
    this.stopBeeps();
    void this.context.close();
  }

  private beep(): void {
    const tone = this.context.createOscillator();
    const gain = this.context.createGain();
    tone.frequency.value = BEEP_HZ;
    gain.gain.value = 0.25;
    tone.connect(gain).connect(this.destination);
    const now = this.context.currentTime;
    tone.start(now);
    tone.stop(now + BEEP_SECONDS);
    tone.addEventListener('ended', () => gain.disconnect());
  }
}
