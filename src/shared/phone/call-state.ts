import type { CallState } from '../ipc/phone.ts';

/**
 * Allowed moves of a live call:
 *
 *   ringing ──answer──▶ answering ──200 OK sent──▶ active
 *      │                    │                        │
 *      └────────────────────┴──────── end ──────────▶ ended (final)
 *   dialing ──200 OK received──▶ active;  dialing ──refused / cancelled──▶ ended
 */
const allowed: Record<CallState, readonly CallState[]> = {
  ringing: ['answering', 'ended'],
  answering: ['active', 'ended'],
  dialing: ['active', 'ended'],
  active: ['ended'],
  ended: [],
};

export class IllegalCallTransitionError extends Error {
  constructor(from: CallState, to: CallState) {
    super(`Illegal call state transition ${from} → ${to}`);
    this.name = 'IllegalCallTransitionError';
  }
}

/** Returns `to` or throws: every state change of a call goes through here. */
export function transitionCallState(from: CallState, to: CallState): CallState {
  if (!allowed[from].includes(to)) throw new IllegalCallTransitionError(from, to);
  return to;
}

export function canTransition(from: CallState, to: CallState): boolean {
  return allowed[from].includes(to);
}
