import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { channelRms } from '../lab/audio-file-analysis.ts';
import { peakFrequencyInPage } from '../lab/audio-probe.ts';
import { launchLabChromium } from '../lab/chromium.ts';
import { makeTone } from '../lab/tones.ts';
import { AGENT_TONE_HZ, portsFor } from './fixtures/desk-lab.ts';
import { startRingsideWeb, type RingsideApp } from './fixtures/ringside-app.ts';

let dir: string;
let app: RingsideApp;
let browser: Browser;
let page: Page;

// An offline laptop in a train: only loopback (the lab's network namespace), and a browser as a
// user has it, without the switch that lets WebRTC use loopback, so its peers gather no candidate.
test.beforeAll(async ({}, info) => {
  dir = mkdtempSync(join(tmpdir(), 'ringside-practice-offline-'));
  app = await startRingsideWeb({ dir, port: portsFor(info).ringside, config: { script: { id: 'inbound-sales', locale: 'en' } } });
  browser = await launchLabChromium({ fakeMicWav: makeTone(dir, AGENT_TONE_HZ, 'wav'), loopbackIce: false });
  page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await page.goto(app.url);
});

test.afterAll(async ({}, info) => {
  await browser?.close();
  await app?.stop();
  if (info.status === info.expectedStatus) rmSync(dir, { recursive: true, force: true });
});

test('offline, the practice caller is heard and recorded, and the call is never shown on hold', async () => {
  await page.getByRole('button', { name: 'Practice call' }).click();
  const panel = page.locator('.call-panel');
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  // Every hold text the page shows at any moment of the call is kept, not only what is there at the end.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { holdSeen: string[] }).holdSeen = seen;
    const look = () => {
      for (const element of document.querySelectorAll('.hold-status')) seen.push(element.textContent ?? '');
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await panel.getByRole('button', { name: /Answer/ }).click();
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await expect(page.locator('.call-panel .recording-indicator')).toHaveText('Recording');

  // The caller waits 4 s for the greeting, then asks about the office's services (about 7 s).
  await page.waitForTimeout(5000);
  const heard = await page.evaluate(peakFrequencyInPage, { selector: 'audio[data-role="remote-audio"]', ms: 2500 });
  // Past the time a call without sound from its far end counts as dead media (20 s): the caller
  // in this page is not on the network, and the call goes on.
  await page.waitForTimeout(17_000);
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await page.screenshot({ path: join(dir, '..', 'ringside-practice-offline.png') });
  await panel.getByRole('button', { name: /Hang up/ }).click();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');

  // Soft, so that a run tells both things it checks: what was shown, and what was heard.
  expect.soft(await page.evaluate(() => (window as unknown as { holdSeen: string[] }).holdSeen)).toEqual([]);
  // What the person hears: the caller's voice, not silence.
  expect.soft(heard.db).toBeGreaterThan(-60);

  const database = new Database(join(app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    const call = database.prepare('select id, practice, status, hold_ms from calls order by invite_at desc limit 1').get() as {
      id: string;
      practice: number;
      status: string;
      hold_ms: number;
    };
    expect(call).toMatchObject({ practice: 1, status: 'answered', hold_ms: 0 });
    const recording = () =>
      database.prepare("select file from recordings where call_id = ? and status = 'final'").get(call.id) as { file: string } | undefined;
    await expect.poll(() => recording()?.file ?? null, { timeout: 10_000 }).not.toBeNull();
    const file = join(app.dataDir, recording()!.file);
    // Left: the simulated caller, silent while the agent greets, then speaking.
    expect(channelRms(file, dir, 'left', 0.5, 2.5)).toBeLessThan(0.01);
    expect(channelRms(file, dir, 'left', 5, 3)).toBeGreaterThan(0.03);
  } finally {
    database.close();
  }
});
