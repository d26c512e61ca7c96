/**
 * What a live call is doing besides its main state (src/shared/phone/call-state.ts), each an
 * explicit state with its allowed moves, so no flag can contradict another:
 *
 *   release:  none ──Hang up / Decline──▶ hung-up-here ──▶ handed-over
 *               └────transfer completed──────────────────▶ handed-over   (both final)
 *             Says how the BYE that follows ends the call ("agent-hung-up" or "transferred").
 *
 *   hold:     idle ──Hold──▶ hold-pending ──answer or refusal──▶ idle
 *               └──Resume──▶ resume-pending ─────────────────────▶ idle
 *             Only the click's re-INVITE: who holds the call is what the SDP says (LiveCall.hold).
 *
 *   transfer: none ──blind──▶ blind ──────────────────────────────────────▶ none
 *               └──consult──▶ placing-consult ──dialled──▶ consulting ──▶ none
 *                                   └──────────────failed──────────────────▶ none
 *
 *   waiting:  never ──rang while another call was on──▶ has-waited (final: never answered by itself)
 */
export type Release = 'none' | 'hung-up-here' | 'handed-over';

export type HoldRequest = 'idle' | 'hold-pending' | 'resume-pending';

export type Transfer =
  | { kind: 'none' }
  | { kind: 'blind'; target: string }
  | { kind: 'placing-consult'; target: string; transferId: string }
  | { kind: 'consulting'; target: string; transferId: string; consultId: string };

export type Waiting = 'never' | 'has-waited';

const releaseMoves: Record<Release, readonly Release[]> = {
  none: ['hung-up-here', 'handed-over'],
  // A transfer that completes while this desk's BYE waits for a re-INVITE still hands the caller over.
  'hung-up-here': ['handed-over'],
  'handed-over': [],
};

const holdMoves: Record<HoldRequest, readonly HoldRequest[]> = {
  idle: ['hold-pending', 'resume-pending'],
  'hold-pending': ['idle'],
  'resume-pending': ['idle'],
};

const transferMoves: Record<Transfer['kind'], readonly Transfer['kind'][]> = {
  none: ['blind', 'placing-consult'],
  blind: ['none'],
  'placing-consult': ['consulting', 'none'],
  consulting: ['none'],
};

const waitingMoves: Record<Waiting, readonly Waiting[]> = {
  never: ['has-waited'],
  'has-waited': [],
};

export class IllegalSubStateTransitionError extends Error {
  constructor(what: string, from: string, to: string) {
    super(`Illegal ${what} transition ${from} → ${to}`);
    this.name = 'IllegalSubStateTransitionError';
  }
}

function guarded<S extends string>(what: string, moves: Record<S, readonly S[]>, from: S, to: S): S {
  if (!moves[from].includes(to)) throw new IllegalSubStateTransitionError(what, from, to);
  return to;
}

export function transitionRelease(from: Release, to: Release): Release {
  return guarded('release', releaseMoves, from, to);
}

export function transitionHoldRequest(from: HoldRequest, to: HoldRequest): HoldRequest {
  return guarded('hold request', holdMoves, from, to);
}

export function transitionTransfer(from: Transfer, to: Transfer): Transfer {
  guarded('transfer', transferMoves, from.kind, to.kind);
  return to;
}

export function transitionWaiting(from: Waiting, to: Waiting): Waiting {
  return guarded('waiting', waitingMoves, from, to);
}
