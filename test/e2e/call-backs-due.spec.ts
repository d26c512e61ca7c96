import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { launchLabChromium } from '../lab/chromium.ts';
import { makeTone } from '../lab/tones.ts';
import { ADMIN_PIN } from './fixtures/admin.ts';
import { AGENT_TONE_HZ, portsFor } from './fixtures/desk-lab.ts';
import { setAdminPin, startRingsideWeb, type RingsideApp } from './fixtures/ringside-app.ts';

/** How long after Ringside starts the second call-back falls due. */
const LATER_MS = 20_000;

let dir: string;
let app: RingsideApp | undefined;
let browser: Browser | undefined;

/** A desk with two call-backs left from yesterday's wrap-ups: one already overdue, one due in a moment. */
async function deskWithCallBacks(info: TestInfo, language: 'en' | 'ru' | 'el') {
  dir = mkdtempSync(join(tmpdir(), `ringside-callbacks-due-${language}-`));
  const dataDir = join(dir, 'data');
  setAdminPin(dataDir, ADMIN_PIN);
  const db = new Database(join(dataDir, 'ringside.sqlite'));
  const task = db.prepare(
    "insert into callback_tasks (id, created_at, source, name, number, due_at, owner, note, status, origin_id, callback_call_id, done_at) values (?, ?, 'wrap-up', ?, ?, ?, '', '', 'open', null, null, null)",
  );
  const now = Date.now();
  task.run('overdue', now - 86_400_000, 'Olga Ivanova', '+302101234567', now - 3_600_000);
  task.run('later', now - 86_400_000, 'Nikos Georgiou', '+302107654321', now + LATER_MS);
  db.close();
  app = await startRingsideWeb({ dir, port: portsFor(info).ringside, config: { defaultRegion: 'GR', language } });
  browser = await launchLabChromium({ fakeMicWav: makeTone(dir, AGENT_TONE_HZ, 'wav') });
}

test.afterEach(async ({}, info) => {
  await browser?.close();
  await app?.stop();
  if (info.status === info.expectedStatus) rmSync(dir, { recursive: true, force: true });
});

test('call-backs fall due by the core’s clock: an overdue one is shown as the window opens, the next when its time comes, each once per window', async ({}, info) => {
  await deskWithCallBacks(info, 'en');
  const page = await browser!.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(app!.url);
  const notices = page.locator('.notices');
  const overdue = notices.getByRole('status').filter({ hasText: 'Call back now: Olga Ivanova' });
  await expect(overdue).toHaveCount(1);
  await overdue.getByRole('button', { name: 'Dismiss' }).click();
  await expect(overdue).toHaveCount(0);

  await expect(notices.getByRole('status').filter({ hasText: 'Call back now: Nikos Georgiou' })).toHaveCount(1, { timeout: LATER_MS + 30_000 });
  // The core announced the overdue one once; dismissed, it stays gone.
  await expect(overdue).toHaveCount(0);

  // A window opened again is told what is due now.
  await page.reload();
  await expect(notices.getByRole('status').filter({ hasText: 'Call back now: Olga Ivanova' })).toHaveCount(1);
  await expect(notices.getByRole('status').filter({ hasText: 'Call back now: Nikos Georgiou' })).toHaveCount(1);
  await page.screenshot({ path: join(dir, '..', 'ringside-callbacks-due-en-1366.png') });
});

for (const [language, words] of [
  ['ru', 'Пора перезвонить: Olga Ivanova'],
  ['el', 'Ώρα να καλέσετε: Olga Ivanova'],
] as const) {
  test(`in ${language}, at 1920×1080, the window that opens is reminded of the overdue call-back in its language`, async ({}, info) => {
    await deskWithCallBacks(info, language);
    const page = await browser!.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(app!.url);
    await expect(page.locator('.notices').getByRole('status').filter({ hasText: words })).toHaveCount(1);
    await page.screenshot({ path: join(dir, '..', `ringside-callbacks-due-${language}-1920.png`) });
  });
}
