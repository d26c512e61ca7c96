import { copyFileSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallerBot, startCallerBotServer } from '../test/lab/caller-bot.ts';
import { launchLabChromium } from '../test/lab/chromium.ts';
import { startSipLab } from '../test/lab/sip-lab.ts';
import { makeTone } from '../test/lab/tones.ts';
import { startRingsideWeb } from '../test/e2e/fixtures/ringside-app.ts';
import { benchmarkDatabase } from './screen-pop-database.ts';
import { ms, percentiles } from './percentiles.ts';

const CALLS = 60;
/** A contact of the benchmark database (Athens landline, national format) with earlier calls. */
const CALLER = '2100012345';
const log = (line: string) => console.log(line);

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
  // Record, per call, main's INVITE time (data-invite-at) against the frame that shows the card.
  await page.evaluate(() => {
    const painted: number[] = [];
    const seen = new Set<string>();
    (window as unknown as { __painted: number[] }).__painted = painted;
    new MutationObserver(() => {
      const panel = document.querySelector<HTMLElement>('.call-panel[data-call-state="ringing"]');
      const id = panel?.dataset.callId;
      if (!panel || !id || seen.has(id) || !document.querySelector('.client-card')) return;
      seen.add(id);
      const inviteAt = Number(panel.dataset.inviteAt);
      // The task after the next animation frame runs once that frame (with the card) is painted.
      requestAnimationFrame(() => setTimeout(() => painted.push(performance.timeOrigin + performance.now() - inviteAt), 0));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const caller = await CallerBot.launch({ labDir: join(dir, 'lab'), origin: botServer.origin, toneHz: 880, wsUrl: lab.wsUrl, user: CALLER, password: 'bench-caller', domain: '127.0.0.1' });
  for (let i = 0; i < CALLS; i++) {
    await caller.call('101');
    await page.waitForFunction((n) => (window as unknown as { __painted: number[] }).__painted.length > n, i, { timeout: 10_000 });
    await caller.hangup();
    await caller.waitForStatus('terminated');
  }
  const samples = await page.evaluate(() => (window as unknown as { __painted: number[] }).__painted);
  const name = await page.locator('.caller-name').first().textContent();
  const p = percentiles(samples.slice(5));
  log(`  ${samples.length} calls from ${CALLER} (card: ${name}); first 5 are warm-up`);
  log(`  INVITE in main → card painted: p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}  (aim: p95 < 30 ms)`);
  await caller.close();
} finally {
  await browser.close();
  await app.stop();
  await botServer.close();
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
}
