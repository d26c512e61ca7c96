import type { RegistrationStatus } from '../../shared/ipc/phone.ts';
import { missingCaseError } from '../../shared/logger.ts';

/**
 * Allowed moves of the desk's registration with the PBX (src/shared/ipc/phone.ts names the states):
 *
 *   unconfigured ──account complete──▶ connecting ──200 OK to REGISTER──▶ registered
 *        ▲                                │  ▲                                │
 *        │                                ▼  └──────retry / reconnect─────────┤
 *        └───────account removed────── failed ◀──refused / lost / unreachable──┘
 *
 * Any state goes back to unconfigured when the account is removed, and to connecting when it
 * is changed or the desk reconnects; a registration still in flight when a failure is shown may
 * still be answered (failed → registered). Only connecting, registered and failed repeat
 * themselves (a new attempt, a refresh, another failure). Never registered without an account.
 */
const allowed: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  unconfigured: ['unconfigured', 'connecting', 'failed'],
  connecting: ['connecting', 'registered', 'failed', 'unconfigured'],
  registered: ['registered', 'connecting', 'failed', 'unconfigured'],
  failed: ['failed', 'connecting', 'registered', 'unconfigured'],
};

export class IllegalRegistrationTransitionError extends Error {
  constructor(from: RegistrationStatus, to: RegistrationStatus) {
    super(`Illegal registration transition ${from} → ${to}`);
    this.name = 'IllegalRegistrationTransitionError';
  }
}

/** Returns `to` or throws: every change of the registration's status goes through here. */
export function transitionRegistration(from: RegistrationStatus, to: RegistrationStatus): RegistrationStatus {
  if (!allowed[from].includes(to)) throw new IllegalRegistrationTransitionError(from, to);
  return to;
}

/** Whether requests can go out on the office's account (calls, messages, subscriptions). */
export function isOnline(status: RegistrationStatus): boolean {
  switch (status) {
    case 'registered':
      return true;
    case 'unconfigured':
    case 'connecting':
    case 'failed':
      return false;
    default:
      throw missingCaseError(status);
  }
}
