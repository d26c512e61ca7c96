import type { ConsentSettings, DeviceSettings } from '../../shared/ipc/settings.ts';
import type { RecordingState } from '../state/app-store.ts';
import { routeToOutput } from './audio-output.ts';
import { CallRecorder, type RecorderSink } from './call-recorder.ts';
import { applyRemoteDescription, localDescription } from './sdp-exchange.ts';
import { openMicrophone } from './microphone.ts';
import { OutgoingLine } from './outgoing-line.ts';
import { i18n } from '../i18n/i18n.ts';
import { systemClock } from '../../shared/clock.ts';
import type { DeadMediaReason } from '../../shared/ipc/media.ts';
import { MediaLivenessWatch, type MediaSample } from './media-liveness.ts';

export interface SessionRecording {
  sink: RecorderSink;
  /** Record from the start (policy "all"). */
  auto: boolean;
  onChange(recording: RecordingState): void;
  consent(): ConsentSettings;
  announcementUrl(): string;
  onConsent(played: boolean): void;
}

/**
 * Finds a far end that lives in this very page (a practice call's simulated caller) by the id of
 * the stream it sends, and gives its audio as it is made.
 */
export type FarEndInPage = (streamId: string) => MediaStream | null;

/**
 * The media of one call: one RTCPeerConnection, the microphone track and the <audio> element the
 * caller is heard through.
 */
export class PeerSession {
  readonly id: string;
  private readonly pc: RTCPeerConnection;
  private microphone: MediaStream | null = null;
  /** The microphone being opened (while the call rings, or on the first description); null again if that failed. */
  private openingMicrophone: Promise<MediaStream> | null = null;
  private readonly remote: HTMLAudioElement;
  private readonly devices: () => DeviceSettings;
  private readonly onNotice: (message: string) => void;
  private readonly recording: SessionRecording;
  private recorder: CallRecorder | null = null;
  /** Set when consent is on: the microphone reaches the caller through it (announcement, beeps). */
  private line: OutgoingLine | null = null;
  private announcing = false;
  private consentDone = false;
  private closed = false;
  private remoteStream: MediaStream | null = null;
  /** Whether this call should be recording now (the policy, or the person's Record button). */
  private wantRecording: boolean;
  /** On hold by this desk, or muted: the caller hears nothing from the microphone. */
  private held = false;
  private muted = false;
  private readonly onDead: (reason: DeadMediaReason) => void;
  /** Watches the media once offer and answer are both set, unless the far end is in this page. */
  private liveness: MediaLivenessWatch | null = null;
  private farEndHere = false;

  constructor(
    id: string,
    devices: () => DeviceSettings,
    onNotice: (message: string) => void,
    recording: SessionRecording,
    farEndInPage: FarEndInPage,
    onDead: (reason: DeadMediaReason) => void,
  ) {
    this.id = id;
    this.onDead = onDead;
    this.devices = devices;
    this.onNotice = onNotice;
    this.recording = recording;
    this.wantRecording = recording.auto;
    // Default bundle policy: desk phones and rtpengine-bridged PBX calls offer no BUNDLE group. One
    // pooled candidate set is gathered at once, so the first description does not wait for ICE.
    this.pc = new RTCPeerConnection({ iceServers: [], iceCandidatePoolSize: 1 });
    this.remote = document.createElement('audio');
    this.remote.autoplay = true;
    this.remote.hidden = true;
    this.remote.dataset.callId = id;
    this.remote.dataset.role = 'remote-audio';
    document.body.append(this.remote);
    this.pc.addEventListener('track', (event) => {
      const received = event.streams[0] ?? new MediaStream([event.track]);
      // A far end in this page is heard straight from its source: offline its peer connection and
      // this one have no network to meet on (Chromium leaves loopback out of ICE), and need none.
      const inPage = farEndInPage(received.id);
      this.remoteStream = inPage ?? received;
      if (inPage) this.hearFarEndHere();
      this.remote.srcObject = this.remoteStream;
      void this.remote.play().catch(() => undefined);
      this.startRecording();
    });
    const { headsetId, headsetLabel } = devices();
    void routeToOutput(this.remote, headsetId, headsetLabel, onNotice);
  }

  /** The call rings: the microphone opens now (nothing is sent before the call is answered). */
  prepare(): void {
    this.openMicrophone().catch(() => undefined);
  }

  async getDescription(hold: boolean): Promise<string> {
    await this.ensureMicrophone();
    if (this.pc.signalingState !== 'have-remote-offer') {
      for (const transceiver of this.pc.getTransceivers()) {
        if (transceiver.currentDirection !== 'stopped') transceiver.direction = hold ? 'sendonly' : 'sendrecv';
      }
      // sendonly is how hold is offered; what is sent while holding is silence, not the desk.
      this.held = hold;
      this.applySending();
    }
    const sdp = await localDescription(this.pc);
    this.watchLiveness();
    return sdp;
  }

  async setDescription(sdp: string): Promise<void> {
    await applyRemoteDescription(this.pc, sdp);
    this.watchLiveness();
  }

  sendDtmf(tones: string): boolean {
    const sender = this.pc.getSenders().find((s) => s.track?.kind === 'audio');
    if (!sender?.dtmf || !sender.dtmf.canInsertDTMF) return false;
    sender.dtmf.insertDTMF(tones, 100, 70);
    return true;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.applySending();
  }

  private applySending(): void {
    for (const sender of this.pc.getSenders()) if (sender.track) sender.track.enabled = !(this.held || this.muted);
  }

  /** Pauses the recording (card numbers and other sensitive details): silence is recorded. */
  pauseRecording(paused: boolean): boolean {
    if (!this.recorder) return false;
    this.recorder.setPaused(paused);
    return true;
  }

  /** Starts or stops recording this call (on-demand recording). */
  record(on: boolean): void {
    this.wantRecording = on;
    if (on) this.startRecording();
    else if (this.recorder) {
      this.recorder.stop();
      this.recorder = null;
      this.line?.stopBeeps();
      this.recording.onChange('off');
    }
  }

  close(): void {
    this.closed = true;
    this.liveness?.stop();
    this.record(false);
    this.line?.close();
    for (const track of this.microphone?.getTracks() ?? []) track.stop();
    // Opened while ringing but never used (declined, missed), or still opening: it is closed too.
    void this.openingMicrophone?.then((stream) => stream.getTracks().forEach((track) => track.stop())).catch(() => undefined);
    this.pc.close();
    this.remote.srcObject = null;
    this.remote.remove();
  }

  private watchLiveness(): void {
    if (this.liveness || this.closed || this.farEndHere || this.pc.signalingState !== 'stable' || !this.pc.remoteDescription) return;
    this.liveness = new MediaLivenessWatch(systemClock, () => this.sampleMedia(), this.onDead);
  }

  /** A far end in this page (a practice caller) is heard without the network: there is no connection to watch. */
  private hearFarEndHere(): void {
    this.farEndHere = true;
    this.liveness?.stop();
  }

  private async sampleMedia(): Promise<MediaSample> {
    const stats = await this.pc.getStats();
    let bytesReceived = 0;
    stats.forEach((report: { type?: string; kind?: string; bytesReceived?: number }) => {
      if (report.type === 'inbound-rtp' && report.kind === 'audio') bytesReceived += report.bytesReceived ?? 0;
    });
    // Only a call both sides send on must bring sound: on hold (sendonly, recvonly, inactive) it may not.
    const expectInbound = this.pc.getTransceivers().some((t) => t.currentDirection === 'sendrecv');
    return { connection: this.pc.connectionState, bytesReceived, expectInbound };
  }

  private openMicrophone(): Promise<MediaStream> {
    if (!this.openingMicrophone) {
      const { microphoneId, microphoneLabel } = this.devices();
      const opening = openMicrophone(microphoneId, microphoneLabel, this.onNotice);
      this.openingMicrophone = opening;
      // A failure while ringing is not final: answering tries again and shows its own error.
      opening.catch(() => {
        if (this.openingMicrophone === opening) this.openingMicrophone = null;
      });
    }
    return this.openingMicrophone;
  }

  private async ensureMicrophone(): Promise<void> {
    if (this.microphone) return;
    const stream = await this.openMicrophone();
    if (this.microphone) return;
    this.microphone = stream;
    for (const track of stream.getAudioTracks()) this.pc.addTrack(track, stream);
    this.startRecording();
  }

  /**
   * Once both voices are there. With consent on, the caller first hears the announcement (so it
   * precedes the first recorded frame), then recording starts, with reminder beeps if chosen.
   */
  private startRecording(): void {
    if (this.recorder || this.announcing || !this.wantRecording || !this.remoteStream || !this.microphone) return;
    const consent = this.recording.consent();
    if (consent.announcement === 'off' && consent.beepEverySeconds === null) {
      this.beginRecorder(this.microphone);
      return;
    }
    this.announcing = true;
    this.recording.onChange('announcing');
    void this.announceThenRecord(this.microphone, consent).finally(() => {
      this.announcing = false;
    });
  }

  private async announceThenRecord(microphone: MediaStream, consent: ConsentSettings): Promise<void> {
    const line = this.line ?? new OutgoingLine(microphone);
    if (!this.line) {
      this.line = line;
      const sender = this.pc.getSenders().find((s) => s.track?.kind === 'audio');
      const track = line.stream.getAudioTracks()[0];
      if (sender && track) await sender.replaceTrack(track);
      this.applySending();
    }
    if (!this.consentDone) {
      this.consentDone = true;
      let played = false;
      if (consent.announcement !== 'off') {
        try {
          await line.announce(this.recording.announcementUrl());
          played = true;
        } catch (error) {
          this.onNotice(i18n.t('media.announcementFailed', { detail: error instanceof Error ? error.message : String(error) }));
        }
      }
      this.recording.onConsent(played);
    }
    if (this.closed || !this.wantRecording) {
      this.recording.onChange('off');
      return;
    }
    if (consent.beepEverySeconds !== null) line.startBeeps(consent.beepEverySeconds);
    this.beginRecorder(line.stream);
  }

  /** The caller (remote) on the left channel, the agent on the right. */
  private beginRecorder(agent: MediaStream): void {
    if (!this.remoteStream) return;
    this.recorder = new CallRecorder(this.remoteStream, agent, {
      ...this.recording.sink,
      failed: (message) => {
        this.recorder = null;
        this.line?.stopBeeps();
        this.recording.onChange('off');
        this.recording.sink.failed(message);
      },
    });
    this.recording.onChange('recording');
  }
}
