import { routeToOutput } from './audio-output.ts';

export type RingMode = 'ring' | 'waiting' | 'silent';

/**
 * The ringtone, synthesized (two tones, like a desk phone) and played on the ringer device, which
 * can differ from the headset (ring on the speakers, talk on the headset). Main drives the
 * cadence: 'ring' is set only while a ring sounds.
 */
export class RingtonePlayer {
  private context: AudioContext | null = null;
  private element: HTMLAudioElement | null = null;
  private gain: GainNode | null = null;
  private waitingTimer: ReturnType<typeof setInterval> | null = null;
  private mode: RingMode = 'silent';
  private readonly onNotice: (message: string) => void;
  private output: { id: string | null; label: string | null } = { id: null, label: null };

  constructor(onNotice: (message: string) => void) {
    this.onNotice = onNotice;
  }

  setOutput(id: string | null, label: string | null): void {
    this.output = { id, label };
    if (this.element) void routeToOutput(this.element, id, label, this.onNotice);
  }

  setMode(mode: RingMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    if (this.waitingTimer) clearInterval(this.waitingTimer);
    this.waitingTimer = null;
    switch (mode) {
      case 'ring':
        this.setLevel(0.15);
        return;
      case 'waiting':
        // A short beep every few seconds: audible in the headset without drowning the talk.
        this.beep();
        this.waitingTimer = setInterval(() => this.beep(), 3000);
        return;
      case 'silent':
        this.setLevel(0);
        return;
    }
  }

  dispose(): void {
    this.setMode('silent');
    void this.context?.close();
    this.element?.remove();
    this.context = null;
    this.element = null;
  }

  private beep(): void {
    this.setLevel(0.08);
    setTimeout(() => {
      if (this.mode === 'waiting') this.setLevel(0);
    }, 200);
  }

  private setLevel(level: number): void {
    const gain = level > 0 ? this.ensureGraph() : this.gain;
    if (!gain || !this.context) return;
    gain.gain.setTargetAtTime(level, this.context.currentTime, 0.01);
  }

  private ensureGraph(): GainNode {
    if (this.gain && this.context) {
      void this.context.resume();
      return this.gain;
    }
    const context = new AudioContext();
    const gain = context.createGain();
    gain.gain.value = 0;
    for (const frequency of [440, 480]) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start();
    }
    const destination = context.createMediaStreamDestination();
    gain.connect(destination);
    const element = document.createElement('audio');
    element.autoplay = true;
    element.dataset.role = 'ringtone';
    element.srcObject = destination.stream;
    element.hidden = true;
    document.body.append(element);
    void element.play().catch(() => undefined);
    void routeToOutput(element, this.output.id, this.output.label, this.onNotice);
    this.context = context;
    this.gain = gain;
    this.element = element;
    return gain;
  }
}
