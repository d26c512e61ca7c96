import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_LINE, commandLineActor } from '../../shared/calls/command-line-actor.ts';
import { DESK_WITHOUT_ADDRESS } from '../../shared/calls/desk-without-address.ts';
import { i18n } from '../i18n/i18n.ts';
import { actorName, agentName } from './agent-name.ts';

describe('agent name', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('words a desk without a SIP address in the window’s language, never the stored English', async () => {
    await i18n.changeLanguage('ru');
    expect(agentName(DESK_WITHOUT_ADDRESS)).toBe('это рабочее место');
    await i18n.changeLanguage('el');
    expect(agentName(DESK_WITHOUT_ADDRESS)).toBe('αυτή η θέση');
  });

  it('shows a SIP address without its scheme', () => {
    expect(agentName('sip:101@pbx.example.com')).toBe('101@pbx.example.com');
    expect(agentName('sips:maria@office.gr')).toBe('maria@office.gr');
  });

  it('words the command line in the audit log in the window’s language, with its user', async () => {
    await i18n.changeLanguage('ru');
    expect(actorName(COMMAND_LINE)).toBe('командная строка');
    expect(actorName(commandLineActor('maria'))).toBe('командная строка (maria)');
    expect(actorName(DESK_WITHOUT_ADDRESS)).toBe('это рабочее место');
    expect(actorName('sip:101@pbx.example.com')).toBe('101@pbx.example.com');
  });
});
