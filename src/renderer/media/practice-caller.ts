import { iceGatheringDone } from './ice-gathering.ts';

/**
 * The far end of a practice call: a peer connection whose outgoing audio is the scenario's clips
 * (silence between them). What the agent says to it is received and dropped; the agent hears the
 * caller through the desk's own session, as on any call.
 */
export class PracticeCaller {
  private readonly context = new AudioContext();
  private readonly destination: MediaStreamAudioDestinationNode;
  private readonly pc = new RTCPeerConnection({ iceServers: [] });
  private playing: AudioBufferSourceNode | null = null;

  constructor() {
    this.destination = this.context.createMediaStreamDestination();
    for (const track of this.destination.stream.getAudioTracks()) this.pc.addTrack(track, this.destination.stream);
    void this.context.resume();
  }

  async getDescription(): Promise<string> {
    if (this.pc.signalingState === 'have-remote-offer') await this.pc.setLocalDescription(await this.pc.createAnswer());
    else await this.pc.setLocalDescription(await this.pc.createOffer());
    await iceGatheringDone(this.pc);
    const sdp = this.pc.localDescription?.sdp;
    if (!sdp) throw new Error('No local description was produced');
    return sdp;
  }

  async setDescription(sdp: string): Promise<void> {
    const type = this.pc.signalingState === 'have-local-offer' ? 'answer' : 'offer';
    await this.pc.setRemoteDescription({ type, sdp });
  }

  /** Starts saying a clip; resolves with its length once it plays. */
  async say(url: string): Promise<number> {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the practice clip could not be loaded (${response.status})`);
    const buffer = await this.context.decodeAudioData(await response.arrayBuffer());
    this.playing?.stop();
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.destination);
    source.addEventListener('ended', () => source.disconnect());
    source.start();
    this.playing = source;
    return Math.round(buffer.duration * 1000);
  }

  close(): void {
    this.playing?.stop();
    this.pc.close();
    void this.context.close();
  }
}
