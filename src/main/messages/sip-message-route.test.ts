import { describe, expect, it, vi } from 'vitest';
import { PRESENCE_CONTENT_TYPE } from '../../shared/ipc/colleagues.ts';
import { MESSAGE_CONTENT_TYPE } from '../../shared/ipc/messages.ts';
import { silentLogger } from '../../shared/logger.ts';
import { routeSipMessage, sipMessageKind, type IncomingSipMessage } from './sip-message-route.ts';

function message(contentType: string | undefined) {
  const answers: string[] = [];
  const incoming = {
    request: { body: '{}', getHeader: () => contentType },
    accept: () => Promise.resolve(void answers.push('200')),
    reject: (options?: { statusCode?: number }) => Promise.resolve(void answers.push(String(options?.statusCode))),
  } as unknown as IncomingSipMessage;
  return { incoming, answers };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('routing a SIP MESSAGE by its content type', () => {
  it('knows presence and desk messages, parameters and case aside', () => {
    expect(sipMessageKind(`${PRESENCE_CONTENT_TYPE}; charset=utf-8`)).toBe('presence');
    expect(sipMessageKind(MESSAGE_CONTENT_TYPE.toUpperCase())).toBe('desk-message');
    expect(sipMessageKind('text/plain')).toBe('unsupported');
    expect(sipMessageKind(undefined)).toBe('unsupported');
  });

  it("answers a colleague's presence 200 and a stranger's 403", async () => {
    for (const [known, answer] of [[true, '200'], [false, '403']] as const) {
      const { incoming, answers } = message(PRESENCE_CONTENT_TYPE);
      const deskMessage = vi.fn();
      routeSipMessage(incoming, { presence: () => Promise.resolve(known), deskMessage, log: silentLogger });
      await settle();
      expect(answers).toEqual([answer]);
      expect(deskMessage).not.toHaveBeenCalled();
    }
  });

  it('answers a desk message 200 when stored, 400 when it is not one, 500 when it cannot be stored', async () => {
    const cases = [
      [() => Promise.resolve(true), '200'],
      [() => Promise.resolve(false), '400'],
      [() => Promise.reject(new Error('disk')), '500'],
    ] as const;
    for (const [deskMessage, answer] of cases) {
      const { incoming, answers } = message(MESSAGE_CONTENT_TYPE);
      routeSipMessage(incoming, { presence: vi.fn(), deskMessage, log: silentLogger });
      await settle();
      expect(answers).toEqual([answer]);
    }
  });

  it('refuses any other type with 415', async () => {
    const { incoming, answers } = message('text/plain');
    routeSipMessage(incoming, { presence: vi.fn(), deskMessage: vi.fn(), log: silentLogger });
    await settle();
    expect(answers).toEqual(['415']);
  });
});
