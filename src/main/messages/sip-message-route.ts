import type { Message } from 'sip.js';
import { PRESENCE_CONTENT_TYPE } from '../../shared/ipc/colleagues.ts';
import { MESSAGE_CONTENT_TYPE } from '../../shared/ipc/messages.ts';
import { missingCaseError, type Logger } from '../../shared/logger.ts';

export type SipMessageKind = 'presence' | 'desk-message' | 'unsupported';

/** Which part of Ringside a SIP MESSAGE is for, by its Content-Type (parameters and case ignored). */
export function sipMessageKind(contentType: string | undefined): SipMessageKind {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === PRESENCE_CONTENT_TYPE) return 'presence';
  if (type === MESSAGE_CONTENT_TYPE) return 'desk-message';
  return 'unsupported';
}

/** A SIP MESSAGE as routing needs it: its type and body, and the answers it can get. */
export type IncomingSipMessage = Pick<Message, 'accept' | 'reject'> & { request: { body: string; getHeader(name: string): string | undefined } };

/**
 * Hands a SIP MESSAGE to presence (a colleague's beacon: 403 from a stranger) or to the desk
 * messages (400 when it is not one, 500 when it cannot be stored); any other type gets 415.
 */
export function routeSipMessage(
  message: IncomingSipMessage,
  to: { presence(body: string): Promise<boolean>; deskMessage(body: string): Promise<boolean>; log: Logger },
): void {
  const kind = sipMessageKind(message.request.getHeader('Content-Type'));
  switch (kind) {
    case 'presence':
      void to
        .presence(message.request.body)
        .then((known) => (known ? message.accept() : message.reject({ statusCode: 403, reasonPhrase: 'Not a colleague' })))
        .catch(() => undefined);
      return;
    case 'desk-message':
      void to
        .deskMessage(message.request.body)
        .then((ok) => (ok ? message.accept() : message.reject({ statusCode: 400, reasonPhrase: 'Not a Ringside message' })))
        .catch((error: unknown) => {
          to.log.error('A message could not be stored', { error: String(error) });
          void message.reject({ statusCode: 500 }).catch(() => undefined);
        });
      return;
    case 'unsupported':
      void message.reject({ statusCode: 415 }).catch(() => undefined);
      return;
    default:
      throw missingCaseError(kind);
  }
}
