import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import { CallerBot, startCallerBotServer } from '../test/lab/caller-bot.ts';
import { launchLabChromium } from '../test/lab/chromium.ts';
import { startSipLab } from '../test/lab/sip-lab.ts';
import { makeTone } from '../test/lab/tones.ts';
import { startRingsideWeb } from '../test/e2e/fixtures/ringside-app.ts';
import { ms, percentiles } from './percentiles.ts';
import { INVITE_REFILL_MS } from '../src/main/phone/invite-rate-limit.ts';

const CALLS = 30;
const WARM_UP = 5;
const CALLER = '201';
const log = (line: string) => console.log(line);
const wallNow = () => performance.timeOrigin + performance.now();

/**
 * A WebSocket relay between Ringside and Kamailio: the moment each 200 OK to an INVITE leaves
 * Ringside is stamped here, on the wire, whatever main and sip.js believe.
 */
function startSipRelay(port: number, upstreamUrl: string): { url: string; okSentAt: number[]; seen: string[]; close(): Promise<void> } {
  const okSentAt: number[] = [];
  /** Each message's first line, for the report when a call does not come through. */
  const seen: string[] = [];
  const server = new WebSocketServer({ host: '127.0.0.1', port, handleProtocols: () => 'sip' });
  server.on('connection', (desk) => {
    const upstream = new WebSocket(upstreamUrl, 'sip');
    const early: string[] = [];
    upstream.on('open', () => early.splice(0).forEach((m) => upstream.send(m)));
    upstream.on('message', (data: Buffer) => {
      seen.push(`→ desk: ${data.toString().split('\r\n')[0]}`);
      desk.send(data.toString());
    });
    upstream.on('close', () => desk.close());
    desk.on('message', (data: Buffer) => {
      const text = data.toString();
      seen.push(`desk →: ${text.split('\r\n')[0]}`);
      if (text.startsWith('SIP/2.0 200') && /\r\nCSeq:\s*\d+\s+INVITE\r\n/i.test(text)) okSentAt.push(wallNow());
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else early.push(text);
    });
    desk.on('close', () => upstream.close());
  });
  return { url: `ws://127.0.0.1:${port}`, okSentAt, seen, close: () => new Promise((done) => server.close(() => done())) };
}

/** What the page notes, in epoch ms, on the way from the first media request to the answer's SDP. */
interface PageMark {
  at: number;
  what: string;
}

/**
 * Installed in the desk's page before its scripts: stamps the media requests as the window gets
 * them and answers them, and each WebRTC step the answer takes. Nothing is changed, only timed.
 */
function traceMediaInPage(): void {
  const marks: PageMark[] = [];
  (window as unknown as { __marks: PageMark[] }).__marks = marks;
  const mark = (what: string) => marks.push({ at: performance.timeOrigin + performance.now(), what });
  const asked = new Map<number, string>();
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data !== 'string' || !event.data.includes('"media.')) return;
        const message = JSON.parse(event.data) as { kind?: string; id?: number; method?: string };
        if (message.kind !== 'request' || message.id === undefined || !message.method?.startsWith('media.')) return;
        asked.set(message.id, message.method);
        mark(`${message.method} asked`);
      });
    }
    override send(data: Parameters<typeof NativeSocket.prototype.send>[0]): void {
      if (typeof data === 'string' && data.includes('"response"')) {
        const message = JSON.parse(data) as { kind?: string; id?: number };
        const method = message.kind === 'response' && message.id !== undefined ? asked.get(message.id) : undefined;
        if (method) {
          asked.delete(message.id!);
          mark(`${method} answered`);
        }
      }
      super.send(data);
    }
  };
  const timed = <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    async function (this: unknown, ...args: A): Promise<R> {
      mark(`${name} start`);
      try {
        return await fn.apply(this, args);
      } finally {
        mark(`${name} end`);
      }
    };
  const devices = navigator.mediaDevices;
  devices.getUserMedia = timed('getUserMedia', devices.getUserMedia.bind(devices));
  const proto = RTCPeerConnection.prototype;
  proto.setRemoteDescription = timed('setRemoteDescription', proto.setRemoteDescription) as typeof proto.setRemoteDescription;
  proto.createAnswer = timed('createAnswer', proto.createAnswer) as typeof proto.createAnswer;
  const setLocal = timed('setLocalDescription', proto.setLocalDescription);
  proto.setLocalDescription = function (this: RTCPeerConnection, ...args: Parameters<typeof proto.setLocalDescription>) {
    const onGathering = () => {
      if (this.iceGatheringState !== 'complete') return;
      mark('ICE gathering complete');
      this.removeEventListener('icegatheringstatechange', onGathering);
    };
    this.addEventListener('icegatheringstatechange', onGathering);
    return setLocal.apply(this, args);
  } as typeof proto.setLocalDescription;
}

/** The ring policy's decision to answer, from main's log ("Answering by itself"), in epoch ms, oldest first. */
function decisions(logFile: string): number[] {
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes(' Answering by itself '))
    .map((line) => Date.parse(line.slice(0, line.indexOf(' '))));
}

const dir = mkdtempSync(join(tmpdir(), 'ringside-bench-answer-'));
const lab = await startSipLab({ dir: join(dir, 'lab'), sipPort: 25200, wsPort: 25201, users: { 101: 'bench-101', [CALLER]: 'bench-201' } });
const relay = startSipRelay(25202, lab.wsUrl);
const botServer = await startCallerBotServer(25203);
const app = await startRingsideWeb({
  dir,
  port: 25204,
  config: { account: { serverUrl: relay.url, sipUri: 'sip:101@127.0.0.1', password: 'bench-101' }, ringPolicy: { answerOnRing: 1, ringOnMs: 200, ringOffMs: 0, maxLines: 8 }, recordingPolicy: 'never' },
});
const browser = await launchLabChromium({ fakeMicWav: makeTone(join(dir, 'lab'), 440, 'wav') });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await page.addInitScript(traceMediaInPage);
  await page.goto(app.url);
  await page.getByText('Registered as 101').waitFor({ timeout: 20_000 });
  const caller = await CallerBot.launch({ labDir: join(dir, 'lab'), origin: botServer.origin, toneHz: 880, wsUrl: lab.wsUrl, user: CALLER, password: 'bench-201', domain: '127.0.0.1' });
  const traces: PageMark[][] = [];
  for (let i = 0; i < CALLS; i++) {
    await page.evaluate(() => ((window as unknown as { __marks: PageMark[] }).__marks.length = 0));
    await caller.call('101');
    await caller.waitForStatus('established', 15_000).catch((error: unknown) => {
      log(`  call ${i + 1} did not come through; the caller is ${String(error)}`);
      log(`  on the desk's SIP WebSocket:\n    ${relay.seen.slice(-20).join('\n    ')}`);
      log(`  main's log:\n${readFileSync(join(app.dataDir, 'logs', 'ringside.log'), 'utf8').split('\n').slice(-25).join('\n')}`);
      throw error;
    });
    traces.push(await page.evaluate(() => [...(window as unknown as { __marks: PageMark[] }).__marks]));
    await caller.hangup();
    await caller.waitForStatus('terminated');
    // One caller is one source: past a burst, the desk's flood limit lets one INVITE through every INVITE_REFILL_MS.
    await page.waitForTimeout(INVITE_REFILL_MS + 100);
  }
  const decided = decisions(join(app.dataDir, 'logs', 'ringside.log'));
  if (decided.length !== CALLS || relay.okSentAt.length !== CALLS) throw new Error(`${decided.length} decisions and ${relay.okSentAt.length} 200 OKs for ${CALLS} calls`);
  const parts = new Map<string, number[]>();
  const add = (name: string, value: number) => parts.set(name, [...(parts.get(name) ?? []), value]);
  for (let i = WARM_UP; i < CALLS; i++) {
    const at = (what: string) => traces[i]!.find((m) => m.what === what)?.at ?? NaN;
    const decision = decided[i]!;
    const ok = relay.okSentAt[i]!;
    add('total: decision → 200 OK on the wire', ok - decision);
    add('main: decision → media.setDescription in the window', at('media.setDescription asked') - decision);
    add('window: media.setDescription (peer connection, remote offer)', at('media.setDescription answered') - at('media.setDescription asked'));
    add('  of which setRemoteDescription', at('setRemoteDescription end') - at('setRemoteDescription start'));
    add('main: setDescription answered → media.getDescription in the window', at('media.getDescription asked') - at('media.setDescription answered'));
    add('window: media.getDescription (microphone, answer, ICE)', at('media.getDescription answered') - at('media.getDescription asked'));
    add('  of which getUserMedia', at('getUserMedia end') - at('getUserMedia start'));
    add('  of which createAnswer', at('createAnswer end') - at('createAnswer start'));
    add('  of which setLocalDescription', at('setLocalDescription end') - at('setLocalDescription start'));
    add('  of which ICE gathering after setLocalDescription', at('ICE gathering complete') - at('setLocalDescription end'));
    add('main: getDescription answered → 200 OK on the wire', ok - at('media.getDescription answered'));
  }
  log(`  ${CALLS} calls from a WebRTC caller through Kamailio, auto-answered on ring 1; the first ${WARM_UP} are warm-up`);
  log('  (a part the answer no longer waits for, because it was done while ringing, shows as n/a)');
  for (const [name, values] of parts) {
    const seen = values.filter((v) => Number.isFinite(v));
    const p = percentiles(seen);
    log(`  ${name.padEnd(72)} ${seen.length ? `p50 ${ms(p.p50).padStart(9)}  p95 ${ms(p.p95).padStart(9)}  max ${ms(p.max).padStart(9)}` : 'n/a'}`);
  }
  log('  (aim: total p95 < 30 ms)');
  await caller.close();
} finally {
  await browser.close();
  await app.stop();
  await botServer.close();
  await relay.close();
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
}
