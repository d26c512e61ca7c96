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
    clock: { now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    log,
    sessionDescriptionHandlerFactory: () => {
      throw new Error('no media in this test');
    },
    onInvite: (invitation: Invitation) => {
      invites.push(invitation.request.callId);
      void invitation.reject({ statusCode: 486 }).catch(() => undefined);
    },
    onMessage: (message) => void message.accept().catch(() => undefined),
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
