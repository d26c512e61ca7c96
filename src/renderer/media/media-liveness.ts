import type { Clock } from '../../shared/clock.ts';
import type { DeadMediaReason } from '../../shared/ipc/media.ts';
import { missingCaseError } from '../../shared/logger.ts';

/** How often a call's media is looked at. */
export const LIVENESS_SAMPLE_MS = 1000;
/** A connection "disconnected" (ICE consent checks unanswered) for this long: the call is dead. */
export const DISCONNECTED_LIMIT_MS = 10_000;
/** No sound from the far end for this long while it should be sending: the call is dead. Longer, for phones that send nothing in silence. */
export const SILENCE_LIMIT_MS = 20_000;

/** One look at a call's media (RTCPeerConnection state and getStats). */
export interface MediaSample {
  connection: RTCPeerConnectionState;
  /** Audio bytes received so far (inbound-rtp). */
  bytesReceived: number;
  /** Whether the far end should be sending now: not while either side holds (sendonly, inactive). */
  expectInbound: boolean;
}

/**
 * - `watching`: sampling the media.
 * - `reported`: found dead and said so once; nothing more is said for this call.
 * - `stopped`: the call's media was closed.
 */
type WatchState = 'watching' | 'reported' | 'stopped';

/**
 * Notices a call whose media died while its signalling did not say so — the far end gone with
 * the network, or a PBX that restarted and lost the BYE: the connection failed, stayed
 * disconnected (DISCONNECTED_LIMIT_MS), or no sound arrived while the far end should be sending (SILENCE_LIMIT_MS).
 */
export class MediaLivenessWatch {
  private readonly clock: Clock;
  private readonly sample: () => Promise<MediaSample>;
  private readonly onDead: (reason: DeadMediaReason) => void;
  private state: WatchState = 'watching';
  private timer: unknown = null;
  private lastBytes = -1;
  /** Since when no new sound has arrived while it was expected. */
  private silentSince: number;
  /** Since when the connection has been "disconnected", or null. */
  private disconnectedSince: number | null = null;

  constructor(clock: Clock, sample: () => Promise<MediaSample>, onDead: (reason: DeadMediaReason) => void) {
    this.clock = clock;
    this.sample = sample;
    this.onDead = onDead;
    this.silentSince = clock.now();
    this.schedule();
  }

  stop(): void {
    this.state = 'stopped';
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.sample().then(
        (sample) => this.look(sample),
        // The connection was closed under the sample: stop() follows.
        () => this.schedule(),
      );
    }, LIVENESS_SAMPLE_MS);
  }

  private look(sample: MediaSample): void {
    switch (this.state) {
      case 'watching':
        break;
      case 'reported':
      case 'stopped':
        return;
      default:
        throw missingCaseError(this.state);
    }
    const now = this.clock.now();
    const reason = this.verdict(sample, now);
    if (reason) {
      this.state = 'reported';
      this.onDead(reason);
      return;
    }
    this.schedule();
  }

  private verdict(sample: MediaSample, now: number): DeadMediaReason | null {
    if (sample.connection === 'failed') return 'connection-failed';
    this.disconnectedSince = sample.connection === 'disconnected' ? (this.disconnectedSince ?? now) : null;
    if (this.disconnectedSince !== null && now - this.disconnectedSince >= DISCONNECTED_LIMIT_MS) return 'connection-lost';
    if (!sample.expectInbound || sample.bytesReceived > this.lastBytes) this.silentSince = now;
    this.lastBytes = sample.bytesReceived;
    return now - this.silentSince >= SILENCE_LIMIT_MS ? 'no-audio' : null;
  }
}
