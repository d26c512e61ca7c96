import type {
  BodyAndContentType,
  SessionDescriptionHandler,
  SessionDescriptionHandlerModifier,
  SessionDescriptionHandlerOptions,
} from 'sip.js';
import type { Logger } from '../../shared/logger.ts';
import { holdStateOf, mediaAfter, NO_MEDIA_YET, type HoldState, type MediaSoFar } from '../../shared/phone/hold-state.ts';
import type { MediaBridge } from '../media/media-bridge.ts';

/** SIP.js passes `hold` in the options when it re-INVITEs to hold or resume. */
type HoldOptions = SessionDescriptionHandlerOptions & { hold?: boolean };

/**
 * Lets SIP.js run in the main process while the RTCPeerConnection lives in the renderer: every
 * offer/answer step is forwarded to the media engine over the typed API. Modifiers are plain
 * functions over the SDP text, so they are applied here.
 */
export class BridgeSessionDescriptionHandler implements SessionDescriptionHandler {
  private closed = false;
  private readonly sessionId: string;
  private readonly media: Pick<MediaBridge, 'call'>;
  private readonly log: Logger;
  private readonly onHoldState: ((state: HoldState) => void) | undefined;
  private local: string | null = null;
  private remote: string | null = null;
  /** The half of an offer/answer exchange seen so far; the exchange is complete when the other half comes. */
  private pending: 'local' | 'remote' | null = null;
  /** Which sides gave a real media address in the completed exchanges so far (the old c=0.0.0.0 hold needs it). */
  private mediaSoFar: MediaSoFar = NO_MEDIA_YET;

  /** `onHoldState` hears the hold state after every completed offer/answer exchange. */
  constructor(sessionId: string, media: Pick<MediaBridge, 'call'>, log: Logger, onHoldState?: (state: HoldState) => void) {
    this.sessionId = sessionId;
    this.media = media;
    this.log = log;
    this.onHoldState = onHoldState;
  }

  async getDescription(options?: HoldOptions, modifiers?: SessionDescriptionHandlerModifier[]): Promise<BodyAndContentType> {
    this.assertOpen();
    const { sdp } = await this.media.call('media.getDescription', { sessionId: this.sessionId, hold: options?.hold ?? false });
    const modified = await applyModifiers({ type: 'offer', sdp }, modifiers);
    const body = modified.sdp ?? sdp;
    this.exchanged('local', body);
    return { body, contentType: 'application/sdp' };
  }

  async setDescription(sdp: string, options?: HoldOptions, modifiers?: SessionDescriptionHandlerModifier[]): Promise<void> {
    this.assertOpen();
    const modified = await applyModifiers({ type: 'offer', sdp }, modifiers);
    await this.media.call('media.setDescription', { sessionId: this.sessionId, sdp: modified.sdp ?? sdp, hold: options?.hold ?? false });
    this.exchanged('remote', modified.sdp ?? sdp);
  }

  hasDescription(contentType: string): boolean {
    return contentType.toLowerCase().startsWith('application/sdp');
  }

  sendDtmf(tones: string): boolean {
    this.media.call('media.sendDtmf', { sessionId: this.sessionId, tones }).catch((error: unknown) => {
      this.log.warn('DTMF was not sent', { sessionId: this.sessionId, error: String(error) });
    });
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.media.call('media.close', { sessionId: this.sessionId }).catch(() => undefined);
  }

  private exchanged(side: 'local' | 'remote', sdp: string): void {
    if (side === 'local') this.local = sdp;
    else this.remote = sdp;
    if (this.pending === null || this.pending === side) {
      this.pending = side;
      return;
    }
    this.pending = null;
    if (!this.local || !this.remote || !this.onHoldState) return;
    try {
      const hold = holdStateOf(this.local, this.remote, this.mediaSoFar);
      this.mediaSoFar = mediaAfter(this.local, this.remote, this.mediaSoFar);
      this.onHoldState(hold);
    } catch (error) {
      this.log.warn('The SDP could not be read for the hold state', { sessionId: this.sessionId, error: String(error) });
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The call media is closed');
  }
}

async function applyModifiers(
  description: RTCSessionDescriptionInit,
  modifiers: SessionDescriptionHandlerModifier[] | undefined,
): Promise<RTCSessionDescriptionInit> {
  let current = description;
  for (const modifier of modifiers ?? []) current = await modifier(current);
  return current;
}
