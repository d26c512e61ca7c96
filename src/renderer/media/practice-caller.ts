import { applyRemoteDescription, localDescription } from './sdp-exchange.ts';

/**
 * The far end of a practice call: a peer connection whose outgoing audio is the scenario's clips
 * (silence between them). What the agent says to it is received and dropped. The desk's own
 * session recognises the stream this caller offers and plays and records `voice` itself, so the
 * caller is heard with no network at all (see PeerSession's far end in the page).
 */
export class PracticeCaller {
  private readonly context = new AudioContext();
  private readonly destination: MediaStreamAudioDestinationNode;
  /** The clips as they are said: the stream this caller offers in its SDP. */
  readonly voice: MediaStream;
  private readonly pc = new RTCPeerConnection({ iceServers: [] });
  private playing: AudioBufferSourceNode | null = null;

  constructor() {
    this.destination = this.context.createMediaStreamDestination();
    this.voice = this.destination.stream;
    for (const track of this.voice.getAudioTracks()) this.pc.addTrack(track, this.voice);
    void this.context.resume();
  }

  getDescription(): Promise<string> {
    return localDescription(this.pc);
  }

  setDescription(sdp: string): Promise<void> {
    return applyRemoteDescription(this.pc, sdp);
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
