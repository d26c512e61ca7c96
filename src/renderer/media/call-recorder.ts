import { toBase64 } from '../api/base64.ts';
import { errorText } from '../i18n/error-text.ts';
export interface RecorderSink {
  /** `startedAt`: when the recorder started (ms since the epoch), so paused spans land at the right second. */
  chunk(seq: number, base64: string, startedAt: number): Promise<void>;
  /** The recorder stopped and every chunk was sent: main finishes the recording. */
  lastChunkSent(): Promise<void>;
  failed(message: string): void;
}

const MIME = 'audio/webm;codecs=opus';
const TIMESLICE_MS = 1000;

/**
 * The call's stereo recording: the caller on the left channel, the agent on the right, encoded
 * by MediaRecorder and handed to main about once a second, in order.
 */
export class CallRecorder {
  private readonly context: AudioContext;
  private readonly recorder: MediaRecorder;
  private seq = 0;
  private sending: Promise<void> = Promise.resolve();
  private failed = false;
  private readonly gate: GainNode;
  private startedAt = Date.now();

  constructor(caller: MediaStream, agent: MediaStream, sink: RecorderSink) {
    this.context = new AudioContext();
    const merger = this.context.createChannelMerger(2);
    this.context.createMediaStreamSource(caller).connect(merger, 0, 0);
    this.context.createMediaStreamSource(agent).connect(merger, 0, 1);
    const destination = this.context.createMediaStreamDestination();
    destination.channelCount = 2;
    // Pausing closes this gate: the paused span is silence in the file, so times stay true.
    this.gate = this.context.createGain();
    this.gate.channelCount = 2;
    this.gate.channelCountMode = 'explicit';
    merger.connect(this.gate);
    this.gate.connect(destination);
    this.recorder = new MediaRecorder(destination.stream, { mimeType: MIME });
    this.recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size === 0 || this.failed) return;
      const seq = this.seq++;
      const data = event.data;
      this.sending = this.sending.then(async () => {
        if (this.failed) return;
        try {
          await sink.chunk(seq, toBase64(new Uint8Array(await data.arrayBuffer())), this.startedAt);
        } catch (error) {
          this.failed = true;
          sink.failed(errorText(error));
          // Main finishes at once what it has (a full disk keeps the audio written so far).
          this.stop();
        }
      });
    });
    this.recorder.addEventListener('stop', () => {
      this.sending = this.sending.then(() => sink.lastChunkSent()).catch(() => undefined);
      void this.context.close();
    });
    void this.context.resume();
    this.recorder.start(TIMESLICE_MS);
    this.startedAt = Date.now();
  }

  setPaused(paused: boolean): void {
    this.gate.gain.setValueAtTime(paused ? 0 : 1, this.context.currentTime);
  }

  stop(): void {
    if (this.recorder.state !== 'inactive') this.recorder.stop();
  }
}
