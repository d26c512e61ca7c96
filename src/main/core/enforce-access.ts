import { ACCESS_POLICY, type MethodAccess } from '../../shared/ipc/access-policy.ts';
import type { CoreMethods } from '../../shared/ipc/api.ts';
import type { Handlers } from '../../shared/ipc/rpc-protocol.ts';
import type { SettingsPatch } from '../../shared/ipc/settings.ts';
import { missingCaseError } from '../../shared/logger.ts';
import type { AdminGate, ClientSession } from '../admin/admin-session.ts';
import type { ModuleHandlers, ModuleMethod } from './core-module.ts';

/** What the access checks need to know of the desk. */
export interface AccessChecks {
  gate: AdminGate;
  /** The SIP address this desk acts as. */
  actor(): string;
  /** The agent a call in the history belongs to; null for a call not in it. */
  callAgent(callId: string): Promise<string | null>;
  /** The admin-only settings a patch would change (none: anyone at the desk may save it). */
  changedAdminSettings(patch: SettingsPatch): readonly string[];
  /** Throws when the set-up guide may not set the first admin PIN (decision 0016). */
  assertNewDesk(): Promise<void>;
}

/** Throws the refusal of `method` for this window, if the access policy refuses it; an admin check extends the unlock. */
export async function checkAccess(access: MethodAccess, params: unknown, session: ClientSession, checks: AccessChecks): Promise<void> {
  switch (access) {
    case 'desk':
      return;
    case 'admin':
      return checks.gate.require(session);
    case 'agent-or-admin': {
      const { callId } = params as { callId: string };
      if ((await checks.callAgent(callId)) === checks.actor()) return;
      return checks.gate.require(session);
    }
    case 'desk-admin-settings':
      if (checks.changedAdminSettings(params as SettingsPatch).length > 0) await checks.gate.require(session);
      return;
    case 'new-desk':
      return checks.assertNewDesk();
    default:
      throw missingCaseError(access);
  }
}

/**
 * The handler table one window calls: each method checks ACCESS_POLICY before its handler runs,
 * with the window's own session (its admin unlock).
 */
export function guardedHandlers(handlers: ModuleHandlers<ModuleMethod>, session: ClientSession, checks: AccessChecks): Omit<Handlers<CoreMethods>, 'session.hello'> {
  const guard = <K extends ModuleMethod>(method: K) => {
    const handler = handlers[method] as (params: unknown, session: ClientSession) => unknown;
    return async (params: unknown) => {
      await checkAccess(ACCESS_POLICY[method], params, session, checks);
      return handler(params, session);
    };
  };
  return Object.fromEntries((Object.keys(handlers) as ModuleMethod[]).map((method) => [method, guard(method)])) as unknown as Omit<Handlers<CoreMethods>, 'session.hello'>;
}
