import { DESK_WITHOUT_ADDRESS } from '../../shared/calls/desk-without-address.ts';
import { i18n } from '../i18n/i18n.ts';

/** An agent as the screens name them: the SIP address without its scheme, or "this desk" in the window's language. */
export function agentName(agent: string): string {
  return agent === DESK_WITHOUT_ADDRESS ? i18n.t('calls.thisDesk') : agent.replace(/^sips?:/, '');
}
