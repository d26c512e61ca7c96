import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Invitation } from 'sip.js';
import type { Logger } from '../../src/shared/logger.ts';
import { SipAccount } from '../../src/main/phone/sip-account.ts';

/**
 * A PBX the test controls: a WebSocket server on loopback that accepts the desk's REGISTER and then
 * sends whatever the test wants. After each batch of hostile messages, the desk must still be
 * registered and still take a normal call.
 */
const PORT = 20520;
const warnings: string[] = [];
const log: Logger = { debug() {}, info() {}, warn: (message) => void warnings.push(message), error: (message) => void warnings.push(message), child: () => log };

let server: WebSocketServer;
let pbx: WebSocket | null = null;
const fromDesk: string[] = [];
const invites: string[] = [];
const messagesSeen: string[] = [];
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => void uncaught.push(error);
let desk: SipAccount;

function header(message: string, name: string): string {
  return message.split('\r\n').find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
}

function registered(request: string): string {
  const contact = header(request, 'Contact').replace(/^Contact:\s*/i, '');
  return ['SIP/2.0 200 OK', header(request, 'Via'), header(request, 'From'), `${header(request, 'To')};tag=pbx`, header(request, 'Call-ID'), header(request, 'CSeq'), `Contact: ${contact};expires=300`, 'Content-Length: 0', '', ''].join('\r\n');
}

const SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n';

function invite(n: number | string, requestLine = 'INVITE sip:101@127.0.0.1 SIP/2.0'): string {
  return [
    requestLine,
    `Via: SIP/2.0/WS 127.0.0.1:${PORT};branch=z9hG4bK-${n}`,
    'Max-Forwards: 70',
    'To: <sip:101@127.0.0.1>',
    `From: "Client" <sip:201@127.0.0.1>;tag=f${n}`,
    `Call-ID: call-${n}@lab`,
    'CSeq: 1 INVITE',
    `Contact: <sip:201@127.0.0.1:${PORT};transport=ws>`,
    'Content-Type: application/sdp',
    `Content-Length: ${SDP.length}`,
    '',
    SDP,
  ].join('\r\n');
}

async function waitFor(what: string, condition: () => boolean, ms = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let normalCalls = 0;
/** A normal call after a batch: the desk is registered and its call handling gets the INVITE. */
async function normalCallStillWorks(): Promise<void> {
  expect(desk.registration.status).toBe('registered');
  const n = `normal-${++normalCalls}`;
  pbx?.send(invite(n));
  await waitFor(`the INVITE ${n}`, () => invites.includes(`call-${n}@lab`));
}

async function send(batch: (string | Buffer)[]): Promise<void> {
  for (const message of batch) pbx?.send(message);
  // Let the desk work through them before the normal call.
  await new Promise((r) => setTimeout(r, 200));
}

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  server = new WebSocketServer({ host: '127.0.0.1', port: PORT, handleProtocols: () => 'sip' });
  server.on('connection', (socket) => {
    pbx = socket;
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      fromDesk.push(text);
      if (text.startsWith('REGISTER')) socket.send(registered(text));
    });
  });
  desk = new SipAccount({
    instanceId: '5c0b3a4e-8f0e-4a7c-b1d2-3e4f5a6b7c8d',
    clock: { now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    log,
    sessionDescriptionHandlerFactory: () => {
      throw new Error('no media in this test');
    },
    onInvite: (invitation: Invitation) => {
      invites.push(invitation.request.callId);
      void invitation.reject({ statusCode: 486 }).catch(() => undefined);
    },
    onMessage: (message) => {
      messagesSeen.push(message.request.callId);
      void message.accept().catch(() => undefined);
    },
    onStateChange: () => undefined,
  });
  desk.configure({ serverUrl: `ws://127.0.0.1:${PORT}`, sipUri: 'sip:101@127.0.0.1', authUser: '', displayName: 'Desk', pbxCertificate: '' }, 'secret');
  await waitFor('registration', () => desk.registration.status === 'registered', 10_000);
});

afterAll(async () => {
  await desk?.dispose();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  process.off('uncaughtException', onUncaught);
});

describe('hostile SIP input from the server side of the socket', () => {
  it('takes a normal call to begin with', async () => {
    await normalCallStillWorks();
  });

  it('answers 400 to requests sip.js parses without a Request-URI (it would throw) and stays registered', async () => {
    // A tel: URI (RFC 3966) and an empty user@host: sip.js's parser keeps them, then its core throws.
    await send([invite('tel', 'INVITE tel:+302101234567 SIP/2.0'), invite('empty', 'INVITE sip:@ SIP/2.0'), invite('ltgt', 'INVITE <sip:101@127.0.0.1> SIP/2.0')]);
    await waitFor('a 400 to each', () => ['call-tel@lab', 'call-empty@lab'].every((id) => fromDesk.some((m) => m.startsWith('SIP/2.0 400') && m.includes(id))));
    expect(warnings).toContain('A malformed SIP message was dropped');
    await normalCallStillWorks();
  });

  it('survives a generated set: truncated, control and NUL bytes, bad encodings, oversized, huge headers, broken numbers', async () => {
    const valid = invite('base');
    const truncated = Array.from({ length: 40 }, (_, i) => valid.slice(0, Math.floor((valid.length * i) / 40)));
    const controls = [0x00, 0x01, 0x07, 0x0b, 0x1b, 0x7f].flatMap((code) => [
      valid.replace('INVITE sip:101', `INVITE sip:1${String.fromCharCode(code)}01`),
      valid.replace('Call-ID: call-base', `Call-ID: call-${String.fromCharCode(code)}`),
      valid.replace('"Client"', `"Cli${String.fromCharCode(code)}ent"`),
    ]);
    const encodings = [Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3, 0x28]), Buffer.concat([Buffer.from(valid.slice(0, 60)), Buffer.from([0xed, 0xa0, 0x80, 0xf8, 0x88])]), '\u202e' + valid, valid.replace('Client', '\ud800\udfff\ufffe')];
    const oversized = [valid.replace('Max-Forwards: 70', `Max-Forwards: 70\r\nX-Big: ${'A'.repeat(200_000)}`), valid.replace('Max-Forwards: 70', Array.from({ length: 10_000 }, (_, i) => `X-H${i}: v`).join('\r\n'))];
    const broken = [
      valid.replace('CSeq: 1 INVITE', 'CSeq: one INVITE'),
      valid.replace('CSeq: 1 INVITE', 'CSeq: 99999999999999999999 INVITE'),
      valid.replace('Max-Forwards: 70', 'Max-Forwards: -1'),
      valid.replace(/Content-Length: \d+/, 'Content-Length: 99999'),
      valid.replace(/Content-Length: \d+/, 'Content-Length: -5'),
      valid.replace(/Via: [^\r]*\r\n/, ''),
      valid.replace('SIP/2.0\r\n', 'SIP/3.0\r\n'),
      valid.replace('INVITE sip', 'INV\u0000ITE sip'),
      valid.replace('To: <sip:101@127.0.0.1>', 'To: <sip:101@127.0.0.1'),
      valid.replace('From: "Client" <sip:201@127.0.0.1>', 'From: "Client <sip:201@127.0.0.1>'),
      'SIP/2.0 200 OK\r\nVia: SIP/2.0/WS x;branch=z9hG4bKnope\r\nVia: SIP/2.0/WS y\r\nTo: <sip:a@b>\r\nFrom: <sip:c@d>;tag=1\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n',
      'SIP/2.0 999999 Weird\r\n\r\n',
      '',
      '\r\n\r\n',
      'NOTIFY sip:101@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/WS h;branch=z9hG4bKn\r\nTo: <sip:101@127.0.0.1>;tag=nope\r\nFrom: <sip:x@y>;tag=2\r\nCall-ID: none\r\nCSeq: 1 NOTIFY\r\nEvent: dialog\r\nContent-Length: 0\r\n\r\n',
      'BYE sip:101@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/WS h;branch=z9hG4bKb\r\nTo: <sip:101@127.0.0.1>;tag=t\r\nFrom: <sip:x@y>;tag=2\r\nCall-ID: nobody\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n',
    ];
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const garbage = Array.from({ length: 30 }, () => Array.from({ length: 1 + Math.floor(random() * 400) }, () => String.fromCharCode(Math.floor(random() * 256))).join(''));
    const mangled = Array.from({ length: 30 }, () => {
      const chars = [...valid];
      for (let i = 0; i < 8; i++) chars[Math.floor(random() * chars.length)] = String.fromCharCode(Math.floor(random() * 128));
      return chars.join('');
    });
    for (const batch of [truncated, controls, encodings, oversized, broken, garbage, mangled]) {
      await send(batch);
      await normalCallStillWorks();
    }
    expect(warnings).toContain('An oversized SIP message was dropped');
    expect(uncaught).toEqual([]);
  });
});

/**
 * Messages modelled on each kind of torture RFC 4475 describes, written for this test (the RFC's own
 * messages are not copied here): valid ones must reach the desk's call handling or get a proper
 * answer, never a 400; invalid ones must be refused (a 4xx, or dropped) and never reach it.
 */
describe('RFC 4475 kinds of torture', () => {
  interface Case {
    rfc: string;
    name: string;
    message: string;
    expect: 'processed' | 'refused';
  }
  const request = (n: string, change: { line?: string; method?: string; headers?: (h: string[]) => string[]; body?: string; contentType?: string } = {}): string => {
    const method = change.method ?? 'INVITE';
    const body = change.body ?? (method === 'INVITE' ? SDP : '');
    const headers = [
      `Via: SIP/2.0/WS 127.0.0.1:${PORT};branch=z9hG4bK-t${n}`,
      'Max-Forwards: 70',
      'To: <sip:101@127.0.0.1>',
      `From: "Client" <sip:201@127.0.0.1>;tag=f${n}`,
      `Call-ID: torture-${n}@lab`,
      `CSeq: 1 ${method}`,
      `Contact: <sip:201@127.0.0.1:${PORT};transport=ws>`,
      ...(body ? [`Content-Type: ${change.contentType ?? 'application/sdp'}`] : []),
      `Content-Length: ${Buffer.byteLength(body)}`,
    ];
    return [change.line ?? `${method} sip:101@127.0.0.1 SIP/2.0`, ...(change.headers ? change.headers(headers) : headers), '', body].join('\r\n');
  };
  const replace = (from: RegExp, to: string) => (h: string[]) => h.map((line) => line.replace(from, to));
  const cases: Case[] = [
    // 3.1.1 Valid messages
    {
      rfc: '3.1.1.1', name: 'a tortuous INVITE: compact forms, odd case, folded and padded headers, unknown parameters', expect: 'processed',
      message: request('tortuous', {
        headers: () => [
          `v:  SIP/2.0/WS   127.0.0.1:${PORT}  ;  branch = z9hG4bK-ttortuous ; unknownparam`,
          'max-FORWARDS :   68',
          't:   "The Desk \\"101\\"" <sip:101@127.0.0.1;unknown-uri-param=yes>',
          `from  :  "Client"  <sip:201@127.0.0.1>  ;  tag  =  ftortuous`,
          'i: torture-tortuous@lab',
          'cseq: 0009',
          '  INVITE',
          `m: <sip:201@127.0.0.1:${PORT};transport=ws>;expires=3600;q=0.5`,
          'X-Unknown-Header-~!*: value with "quotes" and \\ backslashes',
          'c: application/sdp',
          `l: ${Buffer.byteLength(SDP)}`,
        ],
      }),
    },
    { rfc: '3.1.1.2', name: 'an unknown method made of every token character', expect: 'processed', message: request('intmeth', { method: "!interesting-Method0123456789_*+`.%indeed'~", line: "!interesting-Method0123456789_*+`.%indeed'~ sip:101@127.0.0.1 SIP/2.0" }) },
    { rfc: '3.1.1.3', name: 'escaped characters in the user part of the Request-URI', expect: 'processed', message: request('esc01', { line: 'INVITE sip:%31%30%31@127.0.0.1 SIP/2.0' }) },
    { rfc: '3.1.1.4', name: 'an escaped NUL in a URI user part', expect: 'processed', message: request('escnull', { line: 'INVITE sip:1%0001@127.0.0.1 SIP/2.0' }) },
    { rfc: '3.1.1.6', name: 'no space between the display name and <', expect: 'processed', message: request('lwsdisp', { headers: replace(/^From: "Client" </, 'From: caller<') }) },
    {
      rfc: '3.1.1.7', name: 'long values: a long Call-ID, many Via headers, a long tag', expect: 'processed',
      message: request('longreq', {
        headers: (h) => [
          ...Array.from({ length: 30 }, (_, i) => `Via: SIP/2.0/WS proxy${i}.example.com;branch=z9hG4bK-long-${i}`),
          ...h.map((line) => line.replace(/^Call-ID: .*/, `Call-ID: torture-longreq-${'x'.repeat(2000)}@lab`).replace(/tag=flongreq/, `tag=${'t'.repeat(1000)}`)),
        ],
      }),
    },
    { rfc: '3.1.1.9', name: 'semicolon-separated parameters in the URI user part', expect: 'processed', message: request('semiuri', { line: 'INVITE sip:101;phone-context=+30;isub=7@127.0.0.1;user=phone SIP/2.0' }) },
    {
      rfc: '3.1.1.10', name: 'varied and unknown transports in lower Via headers', expect: 'processed',
      message: request('transports', { headers: (h) => [h[0]!, 'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-u', 'Via: SIP/2.0/SCTP 192.0.2.2;branch=z9hG4bK-s', 'Via: SIP/2.0/TLS-SCTP 192.0.2.3;branch=z9hG4bK-ts', 'Via: SIP/2.0/UNKNOWN 192.0.2.4;branch=z9hG4bK-x', ...h.slice(1)] }),
    },
    {
      rfc: '3.1.1.11', name: 'a multipart MIME body', expect: 'processed',
      message: request('mpart01', { contentType: 'multipart/mixed;boundary=frontier', body: `--frontier\r\nContent-Type: application/sdp\r\n\r\n${SDP}\r\n--frontier\r\nContent-Type: text/plain\r\n\r\nhello\r\n--frontier--\r\n` }),
    },
    // 3.1.2 Invalid messages
    { rfc: '3.1.2.1', name: 'extraneous separators in header fields', expect: 'refused', message: request('badinv01', { headers: replace(/^To: <sip:101@127.0.0.1>/, 'To: <sip:101@127.0.0.1>>;;,,') }) },
    { rfc: '3.1.2.2', name: 'a Content-Length larger than the message', expect: 'refused', message: request('clerr', { headers: replace(/^Content-Length: \d+/, 'Content-Length: 9999') }) },
    { rfc: '3.1.2.3', name: 'a negative Content-Length', expect: 'refused', message: request('ncl', { headers: replace(/^Content-Length: \d+/, 'Content-Length: -999') }) },
    { rfc: '3.1.2.4', name: 'overlarge scalar values (CSeq, Max-Forwards)', expect: 'refused', message: request('scalar02', { headers: (h) => h.map((line) => line.replace(/^CSeq: 1/, 'CSeq: 36893488147419103232').replace(/^Max-Forwards: 70/, 'Max-Forwards: 300')) }) },
    { rfc: '3.1.2.6', name: 'an unterminated quoted display name', expect: 'refused', message: request('quotbal', { headers: replace(/^From: "Client" /, 'From: "Client ') }) },
    { rfc: '3.1.2.7', name: '<> around the Request-URI', expect: 'refused', message: request('ltgtruri', { line: 'INVITE <sip:101@127.0.0.1> SIP/2.0' }) },
    { rfc: '3.1.2.8', name: 'a space inside the Request-URI', expect: 'refused', message: request('lwsruri', { line: 'INVITE sip:101@127.0.0.1;lr=on x SIP/2.0' }) },
    { rfc: '3.1.2.9', name: 'several spaces between the parts of the request line', expect: 'refused', message: request('lwsstart', { line: 'INVITE  sip:101@127.0.0.1   SIP/2.0' }) },
    { rfc: '3.1.2.10', name: 'spaces at the end of the request line', expect: 'refused', message: request('trws', { line: 'INVITE sip:101@127.0.0.1 SIP/2.0   ' }) },
    { rfc: '3.1.2.11', name: 'escaped headers in the Request-URI', expect: 'refused', message: request('escruri', { line: 'INVITE sip:101@127.0.0.1?Route=%3Csip:evil.example.com%3E SIP/2.0' }) },
    { rfc: '3.1.2.14', name: 'spaces within an addr-spec', expect: 'refused', message: request('badaspec', { headers: replace(/^To: <sip:101@127.0.0.1>/, 'To: <sip:101 @127.0.0.1>') }) },
    { rfc: '3.1.2.15', name: 'non-token characters in an unquoted display name', expect: 'refused', message: request('baddn', { headers: replace(/^From: "Client" /, 'From: Client@Home (mobile) ') }) },
    { rfc: '3.1.2.16', name: 'an unknown protocol version', expect: 'refused', message: request('badvers', { line: 'INVITE sip:101@127.0.0.1 SIP/7.0' }) },
    { rfc: '3.1.2.17', name: 'a request line and CSeq with different methods', expect: 'refused', message: request('mismatch01', { headers: replace(/^CSeq: 1 INVITE/, 'CSeq: 1 OPTIONS') }) },
    { rfc: '3.1.2.18', name: 'an unknown method with a different CSeq method', expect: 'refused', message: request('mismatch02', { method: 'NEWMETHOD', headers: replace(/^CSeq: 1 NEWMETHOD/, 'CSeq: 1 INVITE') }) },
    // 3.2 Transaction layer
    { rfc: '3.2.1', name: 'a branch without the magic cookie (an RFC 2543 peer)', expect: 'processed', message: request('badbranch', { headers: replace(/branch=z9hG4bK-tbadbranch/, 'branch=1234-old-style') }) },
    // 3.3 Application layer
    { rfc: '3.3.1', name: 'required headers missing (Call-ID, From)', expect: 'refused', message: request('insuf', { headers: (h) => h.filter((line) => !/^(Call-ID|From):/.test(line)) }) },
    { rfc: '3.3.2', name: 'an unknown scheme in the Request-URI', expect: 'refused', message: request('unkscm', { line: 'INVITE nobody:101@127.0.0.1 SIP/2.0' }) },
    { rfc: '3.3.4', name: 'an unknown extension required', expect: 'refused', message: request('bext01', { headers: (h) => [...h.slice(0, -1), 'Require: nothingSupportsThis, nothingSupportsThisEither', h.at(-1)!] }) },
    { rfc: '3.3.5', name: 'a body of a type the desk cannot take', expect: 'refused', message: request('invut', { contentType: 'application/unknownformat', body: '<audio> <pcmu port="443"/> </audio>' }) },
    { rfc: '3.3.6', name: 'two values in single-value headers', expect: 'refused', message: request('multi01', { headers: (h) => [...h, 'Call-ID: second-call-id@lab', 'From: <sip:other@127.0.0.1>;tag=other'] }) },
    { rfc: '3.3.7', name: 'two Content-Length values', expect: 'refused', message: request('mcl01', { headers: (h) => [...h, 'Content-Length: 0'] }) },
    { rfc: '3.3.8', name: 'Max-Forwards 0 at its destination', expect: 'processed', message: request('zeromf', { headers: replace(/^Max-Forwards: 70/, 'Max-Forwards: 0') }) },
    // 3.4 Backward compatibility
    {
      rfc: '3.4.1', name: 'an INVITE in RFC 2543 style (no branch, no tag on From)', expect: 'processed',
      message: request('inv2543', { headers: (h) => h.map((line) => line.replace(/;branch=z9hG4bK-tinv2543/, '').replace(/;tag=finv2543/, '')) }),
    },
  ];

  it.each(cases)('$rfc $name: $expect', async ({ message, expect: outcome }) => {
    const callId = /^(?:Call-ID|i)\s*:\s*(\S+)/im.exec(message)?.[1] ?? '';
    const before = fromDesk.length;
    await send([message]);
    const answers = fromDesk.slice(before).filter((m) => m.startsWith('SIP/2.0 ') && m.includes(callId));
    const codes = answers.map((m) => Number(m.slice(8, 11)));
    const reached = invites.includes(callId) || messagesSeen.includes(callId);
    if (outcome === 'processed') {
      expect({ reached: reached || codes.some((c) => c !== 400 && c >= 200), codes: codes.filter((c) => c === 400) }).toEqual({ reached: true, codes: [] });
    } else {
      expect({ reached, accepted: codes.filter((c) => c < 300) }).toEqual({ reached: false, accepted: [] });
    }
    expect(uncaught).toEqual([]);
    await normalCallStillWorks();
  });
});
