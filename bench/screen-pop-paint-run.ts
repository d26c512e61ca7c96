import { copyFileSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallerBot, startCallerBotServer } from '../test/lab/caller-bot.ts';
import { launchLabChromium } from '../test/lab/chromium.ts';
import { startSipLab } from '../test/lab/sip-lab.ts';
import { makeTone } from '../test/lab/tones.ts';
import { startRingsideWeb } from '../test/e2e/fixtures/ringside-app.ts';
import { benchmarkDatabase } from './screen-pop-database.ts';
import { ms, percentiles } from './percentiles.ts';
import { ringMarks } from '../src/renderer/phone/ring-trace.ts';

const CALLS = 60;
/** A contact of the benchmark database (Athens landline, national format) with earlier calls. */
const CALLER = '2100012345';
const log = (line: string) => console.log(line);

/** One call's way through the window (epoch ms): the app's ring marks and the painted frame. */
interface WindowTrace {
  callId: string;
  inviteAt: number;
  received: number;
  validated: number;
  stored: number;
  committed: number;
  painted: number;
}
/** Main's side of one call, from its 'Ringing' log line (whole ms, Date.now). */
interface MainTrace {
  inviteAt: number;
  cardMs: number;
  sentMs: number;
}

/** Runs in the page: a painted call's marks, as epoch ms on the page's clock. */
function readWindowTrace({ callId, names }: { callId: string; names: typeof ringMarks }): WindowTrace {
  const at = (name: string) => {
    const mark = performance.getEntriesByName(name, 'mark').find((m) => ((m as PerformanceMark).detail as { callId?: string } | null)?.callId === callId);
    return mark ? performance.timeOrigin + mark.startTime : NaN;
  };
  const panel = document.querySelector<HTMLElement>(`.call-panel[data-call-id="${callId}"]`);
  const painted = (window as unknown as { __painted: Record<string, number> }).__painted[callId] ?? NaN;
  return { callId, inviteAt: Number(panel?.dataset.inviteAt), received: at(names.received), validated: at(names.validated), stored: at(names.stored), committed: at(names.committed), painted };
}

/** Main's 'Ringing' lines by call id. */
function mainTraces(logText: string): Map<string, MainTrace> {
  const traces = new Map<string, MainTrace>();
  for (const line of logText.split('\n')) {
    const json = /\] Ringing (\{.*\})$/.exec(line)?.[1];
    if (!json) continue;
    const { callId, inviteAt, cardMs, sentMs } = JSON.parse(json) as MainTrace & { callId: string };
    traces.set(callId, { inviteAt, cardMs, sentMs });
  }
  return traces;
}

const dir = mkdtempSync(join(tmpdir(), 'ringside-bench-'));
const dataDir = join(dir, 'data');
mkdirSync(dataDir, { recursive: true });
copyFileSync(await benchmarkDatabase(log), join(dataDir, 'ringside.sqlite'), constants.COPYFILE_FICLONE);
const lab = await startSipLab({ dir: join(dir, 'lab'), sipPort: 25000, wsPort: 25001, users: { 101: 'bench-101', [CALLER]: 'bench-caller' } });
const botServer = await startCallerBotServer(25003);
const app = await startRingsideWeb({
  dir,
  port: 25004,
  config: { account: { serverUrl: lab.wsUrl, sipUri: 'sip:101@127.0.0.1', password: 'bench-101' }, ringPolicy: { answerOnRing: null }, defaultRegion: 'GR' },
});
const browser = await launchLabChromium({ fakeMicWav: makeTone(join(dir, 'lab'), 440, 'wav') });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await page.goto(app.url);
  await page.getByText('Registered as 101').waitFor({ timeout: 20_000 });
  // Record, per call, the frame that shows the card (the task after the next animation frame runs once it is painted).
  await page.evaluate(() => {
    const painted: Record<string, number> = {};
    (window as unknown as { __painted: Record<string, number> }).__painted = painted;
    new MutationObserver(() => {
      const panel = document.querySelector<HTMLElement>('.call-panel[data-call-state="ringing"]');
      const id = panel?.dataset.callId;
      if (!panel || !id || id in painted || !document.querySelector('.client-card')) return;
      painted[id] = NaN;
      requestAnimationFrame(() => setTimeout(() => (painted[id] = performance.timeOrigin + performance.now()), 0));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const caller = await CallerBot.launch({ labDir: join(dir, 'lab'), origin: botServer.origin, toneHz: 880, wsUrl: lab.wsUrl, user: CALLER, password: 'bench-caller', domain: '127.0.0.1' });
  const traces: WindowTrace[] = [];
  for (let i = 0; i < CALLS; i++) {
    await caller.call('101');
    const seen = traces.map((t) => t.callId);
    const painted = await page.waitForFunction(
      (done) => Object.entries((window as unknown as { __painted: Record<string, number> }).__painted).find(([id, t]) => !done.includes(id) && !Number.isNaN(t))?.[0],
      seen,
      { timeout: 10_000 },
    ).catch(async (error: unknown) => {
      // What was on screen and what main said of the calls tell why no card came (refused, shown as waiting, never rang).
      const panels = await page.locator('.call-panel').evaluateAll((all) => all.map((p) => `${(p as HTMLElement).dataset.callId} ${(p as HTMLElement).dataset.callState}`));
      const said = readFileSync(join(dataDir, 'logs', 'ringside.log'), 'utf8').split('\n').filter((l) => l.includes(':calls]') || l.includes(':phone]')).slice(-8);
      log(`  call ${i + 1}: no ringing card painted; panels: ${panels.join(', ') || 'none'}\n${said.join('\n')}`);
      throw error;
    });
    const callId = (await painted.jsonValue()) as string;
    traces.push(await page.evaluate(readWindowTrace, { callId, names: ringMarks }));
    await caller.hangup();
    await caller.waitForStatus('terminated');
  }
  const sides = mainTraces(readFileSync(join(dataDir, 'logs', 'ringside.log'), 'utf8'));
  const calls = traces.slice(5).map((w) => ({ w, m: sides.get(w.callId) })).filter((c): c is { w: WindowTrace; m: MainTrace } => c.m !== undefined);
  const name = await page.locator('.caller-name').first().textContent();
  log(`  ${traces.length} calls from ${CALLER} (card: ${name}); first 5 are warm-up, ${calls.length} traced`);
  const parts: [string, (c: { w: WindowTrace; m: MainTrace }) => number][] = [
    ['INVITE in main → card looked up (main, whole ms)', (c) => c.m.cardMs],
    ['card looked up → sent on the WebSocket (main, whole ms)', (c) => c.m.sentMs - c.m.cardMs],
    ['sent → received in the window', (c) => c.w.received - (c.m.inviteAt + c.m.sentMs)],
    ['received → checked (contract)', (c) => c.w.validated - c.w.received],
    ['checked → store updated', (c) => c.w.stored - c.w.validated],
    ['store updated → React commit', (c) => c.w.committed - c.w.stored],
    ['React commit → next frame painted', (c) => c.w.painted - c.w.committed],
  ];
  for (const [label, of] of parts) {
    const p = percentiles(calls.map(of));
    log(`    ${label.padEnd(58)} p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}`);
  }
  const p = percentiles(traces.slice(5).map((w) => w.painted - w.inviteAt));
  log(`  INVITE in main → card painted: p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}  (aim: p95 ≤ 20 ms, p99 ≤ 35 ms)`);
  await caller.close();
} finally {
  await browser.close();
  await app.stop();
  await botServer.close();
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
}
