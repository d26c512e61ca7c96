import type { DeviceSettings } from '../../shared/ipc/settings.ts';
import { routeToOutput } from './audio-output.ts';
import { CallRecorder, type RecorderSink } from './call-recorder.ts';
import { openMicrophone } from './microphone.ts';

const ICE_GATHERING_LIMIT_MS = 1000;

/**
 * The media of one call: one RTCPeerConnection, the microphone track and the <audio> element the
 * caller is heard through. SIP.js does not say whether an SDP is an offer or an answer; the
 * signaling state does.
 */
export class PeerSession {
  readonly id: string;
  private readonly pc: RTCPeerConnection;
  private microphone: MediaStream | null = null;
  private readonly remote: HTMLAudioElement;
  private readonly devices: () => DeviceSettings;
  private readonly onNotice: (message: string) => void;
  private readonly recording: RecorderSink;
  private recorder: CallRecorder | null = null;
  private remoteStream: MediaStream | null = null;
  /** Whether this call should be recording now (the policy, or the person's Record button). */
  private wantRecording: boolean;
  private readonly onRecordingChange: (recording: boolean) => void;

  constructor(
    id: string,
    devices: () => DeviceSettings,
    onNotice: (message: string) => void,
    recording: { sink: RecorderSink; auto: boolean; onChange(recording: boolean): void },
  ) {
    this.id = id;
    this.devices = devices;
    this.onNotice = onNotice;
    this.recording = recording.sink;
    this.wantRecording = recording.auto;
    this.onRecordingChange = recording.onChange;
    // Default bundle policy: desk phones and rtpengine-bridged PBX calls offer no BUNDLE group.
    this.pc = new RTCPeerConnection({ iceServers: [] });
    this.remote = document.createElement('audio');
    this.remote.autoplay = true;
    this.remote.hidden = true;
    this.remote.dataset.callId = id;
    this.remote.dataset.role = 'remote-audio';
    document.body.append(this.remote);
    this.pc.addEventListener('track', (event) => {
      this.remoteStream = event.streams[0] ?? new MediaStream([event.track]);
      this.remote.srcObject = this.remoteStream;
      void this.remote.play().catch(() => undefined);
      this.startRecording();
    });
    const { headsetId, headsetLabel } = devices();
    void routeToOutput(this.remote, headsetId, headsetLabel, onNotice);
  }

  async getDescription(hold: boolean): Promise<string> {
    await this.ensureMicrophone();
    if (this.pc.signalingState === 'have-remote-offer') {
      await this.pc.setLocalDescription(await this.pc.createAnswer());
    } else {
      for (const transceiver of this.pc.getTransceivers()) {
        if (transceiver.currentDirection !== 'stopped') transceiver.direction = hold ? 'sendonly' : 'sendrecv';
      }
      await this.pc.setLocalDescription(await this.pc.createOffer());
    }
    await this.iceGatheringDone();
    const sdp = this.pc.localDescription?.sdp;
    if (!sdp) throw new Error('No local description was produced');
    return sdp;
  }

  async setDescription(sdp: string): Promise<void> {
    const type = this.pc.signalingState === 'have-local-offer' ? 'answer' : 'offer';
    await this.pc.setRemoteDescription({ type, sdp });
  }

  sendDtmf(tones: string): boolean {
    const sender = this.pc.getSenders().find((s) => s.track?.kind === 'audio');
    if (!sender?.dtmf || !sender.dtmf.canInsertDTMF) return false;
    sender.dtmf.insertDTMF(tones, 100, 70);
    return true;
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
      this.onRecordingChange(false);
    }
  }

  close(): void {
    this.record(false);
    for (const track of this.microphone?.getTracks() ?? []) track.stop();
    this.pc.close();
    this.remote.srcObject = null;
    this.remote.remove();
  }

  private async ensureMicrophone(): Promise<void> {
    if (this.microphone) return;
    const { microphoneId, microphoneLabel } = this.devices();
    const stream = await openMicrophone(microphoneId, microphoneLabel, this.onNotice);
    this.microphone = stream;
    for (const track of stream.getAudioTracks()) this.pc.addTrack(track, stream);
    this.startRecording();
  }

  /** Once both voices are there: the caller (remote) left, the agent (microphone) right. */
  private startRecording(): void {
    if (this.recorder || !this.wantRecording || !this.remoteStream || !this.microphone) return;
    this.recorder = new CallRecorder(this.remoteStream, this.microphone, {
      ...this.recording,
      failed: (message) => {
        this.recorder = null;
        this.onRecordingChange(false);
        this.recording.failed(message);
      },
    });
    this.onRecordingChange(true);
  }

  private iceGatheringDone(): Promise<void> {
    if (this.pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pc.removeEventListener('icegatheringstatechange', check);
        resolve();
      };
      const check = () => {
        if (this.pc.iceGatheringState === 'complete') done();
      };
      // No trickle ICE over SIP: send what was gathered by then.
      const timer = setTimeout(done, ICE_GATHERING_LIMIT_MS);
      this.pc.addEventListener('icegatheringstatechange', check);
    });
  }
}
