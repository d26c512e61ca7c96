import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { channelFrequencies, channelRms } from '../lab/audio-file-analysis.ts';
import { launchLabChromium } from '../lab/chromium.ts';
import { makeTone } from '../lab/tones.ts';
import { AGENT_TONE_HZ, portsFor } from './fixtures/desk-lab.ts';
import { startRingsideWeb, type RingsideApp } from './fixtures/ringside-app.ts';

test.describe.configure({ mode: 'serial' });

let dir: string;
let app: RingsideApp;
let browser: Browser;
let page: Page;

// No PBX, no SIP account: a new office manager rehearses on a fresh install.
test.beforeAll(async ({}, info) => {
  dir = mkdtempSync(join(tmpdir(), 'ringside-practice-'));
  app = await startRingsideWeb({
    dir,
    port: portsFor(info).ringside,
    config: { defaultRegion: 'GR', script: { id: 'inbound-sales', locale: 'el' }, office: { company: 'Ventura', activity: 'κουφώματα αλουμινίου' } },
  });
  browser = await launchLabChromium({ fakeMicWav: makeTone(dir, AGENT_TONE_HZ, 'wav') });
  page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await page.goto(app.url);
});

test.afterAll(async ({}, info) => {
  await browser?.close();
  await app?.stop();
  if (info.status === info.expectedStatus) rmSync(dir, { recursive: true, force: true });
});

test('a practice call works with no SIP account: it rings, shows card and script, is recorded, marked practice and left out of the statistics', async () => {
  await expect(page.locator('.registration[data-status="unconfigured"]')).toBeVisible();
  await page.getByRole('button', { name: 'Practice call' }).click();

  const panel = page.locator('.call-panel');
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  await expect(panel.getByText('Practice call')).toBeVisible();
  await expect(page.getByText('Εξάσκηση: Ελένη Παπαδοπούλου').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Practice call' })).toBeDisabled();
  await panel.getByRole('button', { name: /Answer/ }).click();
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await expect(page.locator('.call-panel .recording-indicator')).toHaveText('Recording');
  // The Greek script, as the settings say, with the office's name in the greeting.
  await expect(page.locator('.script-panel')).toContainText('Ventura');

  // The caller waits for the greeting (4 s), then says the first line (about 7 s).
  await page.waitForTimeout(10_000);
  await panel.getByRole('button', { name: /Hang up/ }).click();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');

  const database = new Database(join(app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    const call = database.prepare('select id, practice, status, remote_display_name from calls order by invite_at desc limit 1').get() as {
      id: string;
      practice: number;
      status: string;
      remote_display_name: string;
    };
    expect(call).toMatchObject({ practice: 1, status: 'answered', remote_display_name: 'Εξάσκηση: Ελένη Παπαδοπούλου' });
    const recording = () =>
      database.prepare("select file from recordings where call_id = ? and status = 'final'").get(call.id) as { file: string } | undefined;
    await expect.poll(() => recording()?.file ?? null, { timeout: 10_000 }).not.toBeNull();
    const file = join(app.dataDir, recording()!.file);
    // Left: the simulated caller, silent while the agent greets, then speaking; right: the agent.
    const beforeFirstLine = channelRms(file, dir, 'left', 0.5, 2.5);
    const firstLine = channelRms(file, dir, 'left', 5, 3);
    expect(beforeFirstLine).toBeLessThan(0.01);
    expect(firstLine).toBeGreaterThan(0.03);
    expect(Math.abs(channelFrequencies(file, dir).right - AGENT_TONE_HZ)).toBeLessThan(60);
  } finally {
    database.close();
  }

  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  const row = page.locator('.calls-table tbody tr', { hasText: 'Εξάσκηση: Ελένη Παπαδοπούλου' });
  await expect(row.locator('.practice-badge')).toHaveText('Practice');
  // Answered today, yet not counted: the desk's figures are real calls only.
  await expect(page.locator('.today-summary [data-stat="incoming"]')).toHaveText('0');
  await expect(page.locator('.today-summary [data-stat="answered"]')).toHaveText('0');
  await page.screenshot({ path: join(dir, '..', 'ringside-practice-calls.png') });
});
