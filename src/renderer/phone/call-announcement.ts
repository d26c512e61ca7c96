import type { LiveCall } from '../../shared/ipc/phone.ts';
import { missingCaseError } from '../../shared/logger.ts';
import { callerName } from './call-presentation.ts';
import { isHeldHere, primaryCall } from './primary-call.ts';

/**
 * What a screen reader is told about the call the screen is about:
 *   ringing  — it rings here (said at once, over anything else)
 *   calling  — this desk is calling out
 *   on-call  — answered or being answered, the two talking
 *   on-hold  — this desk holds the caller
 *   ended    — the call is over (its wrap-up may follow)
 */
export type CallAnnouncementKind = 'ringing' | 'calling' | 'on-call' | 'on-hold' | 'ended';

export interface CallAnnouncement {
  kind: CallAnnouncementKind;
  name: string;
}

export function callAnnouncement(calls: readonly LiveCall[]): CallAnnouncement | null {
  const call = primaryCall(calls);
  if (!call) return null;
  const name = callerName(call);
  switch (call.state) {
    case 'ringing':
      return { kind: 'ringing', name };
    case 'dialing':
      return { kind: 'calling', name };
    case 'answering':
    case 'active':
      return { kind: isHeldHere(call) ? 'on-hold' : 'on-call', name };
    case 'ended':
      return { kind: 'ended', name };
    default:
      throw missingCaseError(call.state);
  }
}
