import type { LiveCall } from '../../shared/ipc/phone.ts';
import type { Logger } from '../../shared/logger.ts';
import type { MediaBridge } from './media-bridge.ts';

export interface AnswerPreparationDeps {
  /** Asks the window to make the call's peer connection and open the microphone (media.prepare). */
  prepare(callId: string): void;
  /** The call is over: whatever was prepared for it is let go (media.close; harmless twice). */
  release(callId: string): void;
}

/**
 * Each incoming call's media is prepared once, as it starts ringing, so that answering (by the
 * person or the ring policy) waits only for the descriptions, not for the microphone and ICE. A
 * call that ends or leaves the list is released: one never answered has no SIP media handler to
 * close it.
 */
export function createAnswerPreparation(deps: AnswerPreparationDeps): (calls: readonly Pick<LiveCall, 'id' | 'direction' | 'state'>[]) => void {
  const prepared = new Set<string>();
  return (calls) => {
    const live = new Set<string>();
    for (const call of calls) {
      if (call.state === 'ended') continue;
      live.add(call.id);
      if (call.direction !== 'inbound' || call.state !== 'ringing' || prepared.has(call.id)) continue;
      prepared.add(call.id);
      deps.prepare(call.id);
    }
    for (const id of prepared) {
      if (live.has(id)) continue;
      prepared.delete(id);
      deps.release(id);
    }
  };
}

/** Preparing and releasing in the media host; without a window there is nothing to prepare (answering then waits for one). */
export function answerMediaIn(media: Pick<MediaBridge, 'call' | 'hasHost'>, log: Logger): AnswerPreparationDeps {
  return {
    prepare: (callId) => {
      if (!media.hasHost()) return;
      media.call('media.prepare', { sessionId: callId }).catch((error: unknown) => log.warn('The media of a ringing call was not prepared', { callId, error: String(error) }));
    },
    release: (callId) => {
      if (media.hasHost()) media.call('media.close', { sessionId: callId }).catch(() => undefined);
    },
  };
}
