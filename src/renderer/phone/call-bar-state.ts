import type { LiveCall } from '../../shared/ipc/phone.ts';
import { missingCaseError } from '../../shared/logger.ts';
import { isHeldHere } from './primary-call.ts';

/**
 * What the call bar says, in colour and words, so it reads from across the room:
 *
 *   ringing ──answer──▶ connecting ──media up──▶ on-call ◀──hold / resume──▶ on-hold
 *   (dialing) ─────────▶ connecting                  │
 *                                                    └─ consult or transfer ─▶ consulting
 *   any ──end──▶ wrap-up
 *
 * Holding the caller wins over everything else: a held caller is the one thing not to forget.
 */
export const callBarStates = ['ringing', 'connecting', 'on-call', 'on-hold', 'consulting', 'wrap-up'] as const;
export type CallBarState = (typeof callBarStates)[number];

export function callBarState(call: Pick<LiveCall, 'state' | 'hold' | 'consultFor' | 'transferring'>): CallBarState {
  switch (call.state) {
    case 'ringing':
      return 'ringing';
    case 'answering':
    case 'dialing':
      return call.consultFor !== null ? 'consulting' : 'connecting';
    case 'active':
      if (isHeldHere(call)) return 'on-hold';
      return call.consultFor !== null || call.transferring !== null ? 'consulting' : 'on-call';
    case 'ended':
      return 'wrap-up';
    default:
      throw missingCaseError(call.state);
  }
}
