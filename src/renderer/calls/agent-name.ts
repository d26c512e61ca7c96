import { commandLineUser } from '../../shared/calls/command-line-actor.ts';
import { DESK_WITHOUT_ADDRESS } from '../../shared/calls/desk-without-address.ts';
import { i18n } from '../i18n/i18n.ts';

/** An agent as the screens name them: the SIP address without its scheme, or "this desk" in the window's language. */
export function agentName(agent: string): string {
  return agent === DESK_WITHOUT_ADDRESS ? i18n.t('calls.thisDesk') : agent.replace(/^sips?:/, '');
}

/** Who did something in the audit log: an agent, or the command line (with its user) in the window's language. */
export function actorName(actor: string): string {
  const user = commandLineUser(actor);
  if (user === undefined) return agentName(actor);
  return user === null ? i18n.t('admin.audit.commandLine') : i18n.t('admin.audit.commandLineUser', { user });
}
