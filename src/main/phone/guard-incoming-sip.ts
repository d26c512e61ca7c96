import { Core, type UserAgent } from 'sip.js';
import type { Logger } from '../../shared/logger.ts';
import { sipRequestRefusal, type RequestRefusal } from './sip-request-checks.ts';

/** Far above any real SIP message over WebSocket (an INVITE with a large SDP is a few KB). */
export const MAX_SIP_MESSAGE_CHARS = 64 * 1024;

/**
 * sip.js 0.21.2 throws on some malformed requests (a Request-URI it cannot parse) and its
 * WebSocket transport re-throws; in the main process that would end the app. Every incoming
 * message passes here first: an oversized one is dropped, a request that lies about itself is
 * refused (sip-request-checks.ts), one that throws is logged and answered 400 where it is a
 * request that can be answered. Whoever can reach the socket cannot take the
 * desk off the phone system.
 */
export function guardIncomingSip(ua: UserAgent, log: Logger): void {
  const transport = ua.transport;
  const deliver = transport.onMessage;
  if (!deliver) return;
  transport.onMessage = (message: string) => {
    if (message.length > MAX_SIP_MESSAGE_CHARS) {
      log.warn('An oversized SIP message was dropped', { chars: message.length, start: printable(message) });
      return;
    }
    const refusal = /^[A-Za-z0-9!%*_+`'~.-]+ /.test(message) ? sipRequestRefusal(message) : null;
    if (refusal) {
      log.warn('A SIP request was refused', { why: refusal.why, status: refusal.statusCode, start: printable(message) });
      reply(ua, message, refusal);
      return;
    }
    try {
      deliver(message);
    } catch (error) {
      log.warn('A malformed SIP message was dropped', { error: error instanceof Error ? error.message : String(error), start: printable(message) });
      reply(ua, message, { statusCode: 400, reasonPhrase: 'Bad Request', extraHeaders: [] });
    }
  };
}

function reply(ua: UserAgent, text: string, answer: Pick<RequestRefusal, 'statusCode' | 'reasonPhrase' | 'extraHeaders'>): void {
  try {
    const parsed = Core.Parser.parseMessage(text, ua.getLogger('sip.guard'));
    if (parsed instanceof Core.IncomingRequestMessage && parsed.method !== 'ACK') ua.userAgentCore.replyStateless(parsed, answer);
  } catch {
    // Not even a response can be built from it: dropping it is all there is to do.
  }
}

/** The message's first line for the log: control characters shown as "?", at most 160 characters. */
function printable(message: string): string {
  const [first = ''] = message.split(/\r?\n/, 1);
  return first.slice(0, 160).replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, '?');
}
