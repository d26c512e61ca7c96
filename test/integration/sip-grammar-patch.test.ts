import { Core } from 'sip.js';
import { describe, expect, it } from 'vitest';
import { invite } from '../../bench/kamailio-invite.ts';

/**
 * patches/sip.js+0.21.2.patch (applied by `npm install`'s postinstall): sip.js's generated grammar
 * decodes its 236 constant bytecode strings once, not on every parse — that decoding (one split
 * per string) was most of the 1.6 ms an INVITE took to parse.
 */
describe("sip.js's SIP grammar", () => {
  it('decodes its tables once: a parse after the first splits no bytecode string', () => {
    Core.Grammar.parse('1 INVITE', 'CSeq');
    const split = String.prototype.split;
    let splits = 0;
    String.prototype.split = function (this: string, ...args: Parameters<typeof split>) {
      splits++;
      return split.apply(this, args);
    } as typeof split;
    try {
      expect(Core.Grammar.parse('1 INVITE', 'CSeq')).not.toBe(-1);
    } finally {
      String.prototype.split = split;
    }
    expect(splits).toBe(0);
  });

  it('still parses an INVITE from Kamailio into the same message', () => {
    const logger = new Core.LoggerFactory().getLogger('sip.test');
    const first = Core.Parser.parseMessage(invite, logger);
    const again = Core.Parser.parseMessage(invite, logger);
    if (!(first instanceof Core.IncomingRequestMessage) || !(again instanceof Core.IncomingRequestMessage)) throw new Error('Not a request');
    for (const message of [first, again]) {
      expect(message.method).toBe('INVITE');
      expect(message.ruri?.toString()).toBe('sip:101@df7jal23ls0d.invalid;transport=ws');
      expect(message.from.displayName).toBe('Maria Papadopoulou');
      expect(message.from.uri.user).toBe('+302101234567');
      expect(message.fromTag).toBe('a73kszlfl8');
      expect(message.via.host).toBe('127.0.0.1');
      expect(message.cseq).toBe(1);
      expect(message.getHeaders('record-route')).toHaveLength(2);
      expect(message.body).toContain('a=rtpmap:111 opus/48000/2');
    }
  });
});
