import type { Clock } from '../../shared/clock.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';

/** How long an entered admin PIN holds for a window without admin actions. */
export const ADMIN_UNLOCK_MS = 10 * 60_000;

/** Per window: until when it may do admin actions (0: locked). */
export interface ClientSession {
  adminUntil: number;
}

export interface AdminGate {
  unlocked(session: ClientSession): boolean;
  /** The PIN was entered (or set): the window is admin for ADMIN_UNLOCK_MS. */
  unlock(session: ClientSession): void;
  lock(session: ClientSession): void;
  /** Throws admin-locked (or admin-no-pin while no PIN is set); an admin action extends the unlock. */
  require(session: ClientSession): Promise<void>;
}

export function createAdminGate(deps: { clock: Clock; pinSet: () => Promise<boolean> }): AdminGate {
  const { clock } = deps;
  const unlock = (session: ClientSession) => {
    session.adminUntil = clock.now() + ADMIN_UNLOCK_MS;
  };
  return {
    unlocked: (session) => session.adminUntil > clock.now(),
    unlock,
    lock(session) {
      session.adminUntil = 0;
    },
    async require(session) {
      if (session.adminUntil <= clock.now()) {
        throw (await deps.pinSet())
          ? new RpcError('admin-locked', 'This needs the admin PIN.')
          : new RpcError('admin-no-pin', 'Set an admin PIN first: export, retention and recording settings are for admins only.');
      }
      unlock(session);
    },
  };
}
