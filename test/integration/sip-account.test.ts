import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { Clock } from '../../src/shared/clock.ts';
import type { RegistrationState } from '../../src/shared/ipc/phone.ts';
import { silentLogger as log } from '../../src/shared/logger.ts';
import { SipAccount } from '../../src/main/phone/sip-account.ts';
import { startSipLab, type SipLab } from '../lab/sip-lab.ts';
import { makeLabCertificates } from '../lab/tls-certificates.ts';
import { createPbxTrust, tlsProblem } from '../../src/main/phone/pbx-trust.ts';


/** A real Kamailio on loopback (SIP signalling only, no media), ports apart from the e2e blocks. */
let lab: SipLab;
beforeAll(async () => {
  lab = await startSipLab({ dir: mkdtempSync(join(tmpdir(), 'ringside-it-')), sipPort: 20500, wsPort: 20501, wssPort: 20502, users: { 101: 'right-password' } });
});
afterAll(async () => {
  await lab?.stop();
});

/** This desk's SIP Outbound instance, as sip-instance-id.ts keeps it in the data folder. */
const instanceId = '7d5f3c1a-2b4e-4f60-8a9b-0c1d2e3f4a5b';

/** One per test process, as in the app: the process's default trust for wss://. */
const trust = createPbxTrust();

function account(clock: Clock = { now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) }) {
  const states: RegistrationState[] = [];
  const sip = new SipAccount({
    instanceId,
    clock,
    log,
    random: () => 0.5,
    sessionDescriptionHandlerFactory: () => {
      throw new Error('no media in this test');
    },
    onInvite: () => {},
      onMessage: () => {},
    onStateChange: (s) => states.push(s),
    trust,
    diagnoseTls: (url) => tlsProblem(url),
  });
  const until = async (predicate: (s: RegistrationState) => boolean, ms = 10_000) => {
    const started = Date.now();
    while (Date.now() - started < ms) {
      const last = states.at(-1);
      if (last && predicate(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`state not reached; saw ${JSON.stringify(states.map((s) => s.status))}`);
  };
  return { sip, states, until };
}

const config = { serverUrl: 'ws://127.0.0.1:20501', sipUri: 'sip:101@127.0.0.1', authUser: '', displayName: 'Desk', pbxCertificate: '' };

describe('SipAccount against a real Kamailio', () => {
  it('registers with digest authentication', async () => {
    const { sip, until } = account();
    sip.configure(config, 'right-password');
    await until((s) => s.status === 'registered');
    await sip.dispose();
  });

  it('shows the server\'s reason for a wrong password and does not retry by itself', async () => {
    const { sip, until, states } = account();
    sip.configure(config, 'wrong-password');
    const failed = await until((s) => s.status === 'failed');
    expect(failed.reason).toMatch(/^401 Unauthorized/);
    expect(failed.retryAt).toBeNull();
    await new Promise((r) => setTimeout(r, 1500));
    expect(states.at(-1)?.status).toBe('failed');
    await sip.dispose();
  });

  it('says what is missing instead of connecting', async () => {
    const { sip, until } = account();
    sip.configure({ ...config, serverUrl: '' }, null);
    const state = await until((s) => s.status === 'unconfigured');
    expect(state.reason).toBe('Enter the server URL and the password in Settings');
    await sip.dispose();
  });

  it('reconnects with backoff after the server goes away, and re-registers when it is back', async () => {
    const { sip, until } = account();
    sip.configure(config, 'right-password');
    await until((s) => s.status === 'registered');
    await lab.stopKamailio();
    const failed = await until((s) => s.status === 'failed');
    expect(failed.retryAt).not.toBeNull();
    await lab.startKamailio();
    await until((s) => s.status === 'registered', 15_000);
    await sip.dispose();
  });

  it('registers with SIP Outbound: the Contact has ;ob, reg-id and this desk\'s +sip.instance, and asks for a GRUU', async () => {
    const registers: string[] = [];
    const server = new WebSocketServer({ host: '127.0.0.1', port: 20503, handleProtocols: () => 'sip' });
    server.on('connection', (socket) => socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      if (text.startsWith('REGISTER ')) registers.push(text);
    }));
    const { sip } = account();
    sip.configure({ ...config, serverUrl: 'ws://127.0.0.1:20503' }, 'right-password');
    for (let i = 0; i < 100 && registers.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    for (const client of server.clients) client.terminate();
    await new Promise((r) => server.close(r));
    await sip.dispose();
    const register = registers[0] ?? '';
    const contact = /^Contact: (.*)$/m.exec(register)?.[1] ?? '';
    expect(contact).toMatch(/^<sip:[^>]*;transport=ws;ob>/);
    expect(contact).toContain(';reg-id=1');
    expect(contact).toContain(`;+sip.instance="<urn:uuid:${instanceId}>"`);
    const supported = (/^Supported: (.*)$/m.exec(register)?.[1] ?? '').split(/\s*,\s*/);
    expect(supported).toEqual(expect.arrayContaining(['outbound', 'gruu']));
  });

  it('a PBX with Outbound that stops answering keep-alives (a dead flow) is noticed and the desk reconnects; one that answers keeps its connection', { timeout: 20_000 }, async () => {
    // Time runs 100 times faster for the account's own timers: a 25 s keep-alive takes 0.25 s.
    const fast: Clock = { now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms / 100), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
    const registrar = async (answerPings: boolean) => {
      const seen = { connections: 0, pings: 0 };
      const server = new WebSocketServer({ host: '127.0.0.1', port: 20504, handleProtocols: () => 'sip' });
      server.on('connection', (socket) => {
        seen.connections++;
        socket.on('message', (data: Buffer) => {
          const text = data.toString('utf8');
          if (/^(\r\n)+$/.test(text)) {
            seen.pings++;
            if (answerPings) socket.send('\r\n');
            return;
          }
          if (!text.startsWith('REGISTER ')) return;
          const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1] ?? '';
          const contact = header('Contact').replace(/;expires=\d+/, '');
          socket.send(['SIP/2.0 200 OK', `Via: ${header('Via')}`, `From: ${header('From')}`, `To: ${header('To')};tag=registrar`, `Call-ID: ${header('Call-ID')}`, `CSeq: ${header('CSeq')}`, `Contact: ${contact};expires=300`, 'Require: outbound', 'Content-Length: 0', '', ''].join('\r\n'));
        });
      });
      const { sip, until, states } = account(fast);
      sip.configure({ ...config, serverUrl: 'ws://127.0.0.1:20504' }, 'right-password');
      await until((s) => s.status === 'registered');
      await new Promise((r) => setTimeout(r, 2000));
      for (const client of server.clients) client.terminate();
      await new Promise((r) => server.close(r));
      await sip.dispose();
      return { ...seen, statuses: states.map((s) => s.status) };
    };

    const answered = await registrar(true);
    expect(answered.pings).toBeGreaterThanOrEqual(4);
    expect(answered.connections).toBe(1);
    expect(answered.statuses).not.toContain('failed');

    const silent = await registrar(false);
    expect(silent.connections).toBeGreaterThanOrEqual(2);
    expect(silent.statuses).toContain('failed');
  });

  it('reconnects at once when the clock jumps (the laptop slept)', { timeout: 15_000 }, async () => {
    let offset = 0;
    const clock: Clock = { now: () => Date.now() + offset, setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
    const { sip, until, states } = account(clock);
    sip.configure(config, 'right-password');
    await until((s) => s.status === 'registered');
    const before = states.length;
    offset = 60_000;
    await new Promise((r) => setTimeout(r, 5500));
    expect(states.slice(before).map((s) => s.status)).toEqual(['connecting', 'registered']);
    await sip.dispose();
  });

  it('over wss:// to a PBX with a private CA: refused with the reason, registered once its CA is pasted, refused again for another CA', async () => {
    const secure = { ...config, serverUrl: lab.wss!.url };
    const { sip, until } = account();
    sip.configure(secure, 'right-password');
    const refused = await until((s) => s.status === 'failed');
    expect(refused.reason).toMatch(/^Cannot connect securely to wss:\/\/127\.0\.0\.1:20502: the server's certificate is not from a trusted authority .*Settings → PBX certificate/);

    sip.configure({ ...secure, pbxCertificate: readFileSync(lab.wss!.caFile, 'utf8') }, 'right-password');
    await until((s) => s.status === 'registered');

    // Pinned: a certificate from any other authority is not trusted, even a valid one.
    const other = makeLabCertificates(mkdtempSync(join(tmpdir(), 'ringside-other-ca-')));
    sip.configure({ ...secure, pbxCertificate: readFileSync(other.caFile, 'utf8') }, 'right-password');
    expect((await until((s) => s.status === 'failed')).reason).toMatch(/not from a trusted authority/);

    sip.configure({ ...secure, pbxCertificate: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----' }, 'right-password');
    expect((await until((s) => s.status === 'failed' && s.retryAt === null)).reason).toMatch(/^The PBX certificate cannot be read/);
    await sip.dispose();
    trust.use('');
  });
});
