import type { SetupGuideState } from '../../shared/setup/setup-guide-state.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';

/** What the desk is like when the set-up guide asks to set the first admin PIN. */
export interface FirstPinDesk {
  pinSet: boolean;
  setupGuide: SetupGuideState;
  /** Any call (practice ones too) in the database: the desk is in use. */
  callsTaken: boolean;
}

/**
 * The set-up guide may set the first admin PIN only on a desk nobody has used yet: no PIN, the
 * guide never finished or skipped, no call ever taken. Anywhere else the first PIN comes from the
 * command line (docs/decisions/0016-first-admin-pin.md).
 */
export function firstPinOpen(desk: FirstPinDesk): boolean {
  return !desk.pinSet && desk.setupGuide === 'pending' && !desk.callsTaken;
}

/** Throws the reason the guide may not set the first PIN on this desk, if there is one. */
export function assertFirstPinOpen(desk: FirstPinDesk): void {
  if (desk.pinSet) throw new RpcError('pin-already-set', 'An admin PIN is already set: change it under Admin, with the current PIN.');
  if (!firstPinOpen(desk)) {
    throw new RpcError('first-pin-closed', 'This desk is already set up or in use: its first admin PIN is set from the command line (npm run set-admin-pin).');
  }
}
