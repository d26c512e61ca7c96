import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { channelFrequencies, channelRms, headerDurationSeconds } from '../lab/audio-file-analysis.ts';
import type { CallerBot } from '../lab/caller-bot.ts';
import { saveRecordingSettings } from './fixtures/admin.ts';
import { AGENT_TONE_HZ, DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';
import { expectCallInView } from './fixtures/in-viewport.ts';

const CALLER_TONE_HZ = 880;

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let elena: CallerBot;

test.beforeAll(async ({}, info) => {
  // The chosen headset microphone is unplugged: calls must fall back to the default, visibly.
  desk = await startDeskLab(info, { devices: { microphoneId: 'usb-headset-unplugged' } });
  elena = await desk.bot('201', CALLER_TONE_HZ, 'Front desk of Ventura');
});

test.afterAll(async () => {
  await desk?.stop();
});

test('a. a known caller: card on screen while it rings, auto-answer at the end of ring 2, audio both ways, rings = 2 in history', async () => {
  const { page } = desk;
  const csv = join(desk.dir, 'contacts.csv');
  writeFileSync(csv, '\uFEFFФИО;Организация;Должность;Телефон;Категория\r\nЕлена Петрова;Вентура;Менеджер;201;A\r\n');
  await page.getByRole('button', { name: 'Contacts', exact: true }).click();
  await page.locator('input[type="file"]').setInputFiles(csv);
  await expect(page.getByText('1 imported, 0 updated, 0 rejected')).toBeVisible();

  await elena.call(DESK_USER);
  const panel = page.locator('.call-panel');
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  await expect(panel.getByRole('heading', { name: 'Елена Петрова' })).toBeVisible();
  await expect(panel.getByText('Matched by number only — caller ID can be spoofed')).toBeVisible();
  await expect(panel.getByText('Answers by itself at the end of ring 2')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Client card' }).getByText('Вентура')).toBeVisible();
  expect(await panel.getAttribute('data-call-state')).toBe('ringing');

  await elena.waitForStatus('established', 15_000);
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  const answeredAfter = await elena.answeredAfterMs();
  // Ring 2 completes 6 s after the INVITE (1 s on, 4 s off); media setup and signalling add a little.
  expect(answeredAfter).toBeGreaterThanOrEqual(5900);
  expect(answeredAfter).toBeLessThan(7500);

  await expect(page.getByText('The microphone “usb-headset-unplugged” is not connected — using the default microphone.')).toBeVisible();
  const callerHears = await elena.peakFrequencyOfRemote();
  expect(Math.abs(callerHears.hz - AGENT_TONE_HZ)).toBeLessThan(30);
  const deskHears = await desk.heardByDesk();
  expect(Math.abs(deskHears.hz - CALLER_TONE_HZ)).toBeLessThan(30);

  await elena.hangup();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');
  await expect(panel.getByText('The caller hung up')).toBeVisible();
  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  const row = page.locator('.calls-table tbody tr').first();
  await expect(row).toContainText('Елена Петрова');
  await expect(row.locator('[data-column="rings"]')).toHaveText('2');
  await expect(row).toContainText('Answered (auto)');
  await expect(row).toContainText('Caller');
  await expect(row.locator('[data-column="recording"]')).toHaveText('Listen');
});

test('c. an unknown number: a new card filled in during the call is there the next time', async () => {
  const { page } = desk;
  const stranger = await desk.bot('202', 660, 'Mobile');
  await stranger.call(DESK_USER);
  const panel = page.locator('.call-panel');
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  await expect(panel.getByText('Unknown number — not in your contacts')).toBeVisible();
  const card = page.getByRole('complementary', { name: 'Client card' });
  await expect(card.getByRole('heading', { name: 'New client card' })).toBeVisible();
  await expect(card.getByLabel('Phones')).toHaveValue('202');

  await stranger.waitForStatus('established', 15_000);
  await card.getByLabel('Name').fill('Γιώργος Παπαδόπουλος');
  await card.getByLabel('Organization').fill('Κουφώματα Ventura');
  await card.getByRole('button', { name: 'Save card' }).click();
  await expect(card.getByRole('heading', { name: 'Client card' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Γιώργος Παπαδόπουλος' })).toBeVisible();
  await stranger.hangup();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');
  await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });

  await stranger.call(DESK_USER);
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  await expect(panel.getByRole('heading', { name: 'Γιώργος Παπαδόπουλος' })).toBeVisible();
  await expect(panel.getByText('Κουφώματα Ventura')).toBeVisible();
  await expect(card.locator('.recent-calls li')).toHaveCount(1);
  await stranger.hangup();
  await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });
});

test('d. a second call during an active call rings as waiting and is not answered by itself', async () => {
  const { page } = desk;
  const second = await desk.bot('203', 660, 'Second caller');
  await elena.call(DESK_USER);
  await elena.waitForStatus('established', 15_000);
  await second.call(DESK_USER);
  const banner = page.locator('.waiting-banner');
  await expect(banner).toContainText('Second call waiting');
  await expect(banner).toContainText('not answered by itself');
  await expect(page.locator('.call-panel')).toHaveAttribute('data-call-state', 'active');
  // The waiting call's banner above the call bar still leaves the stage's words, the caller and Hang up on screen.
  for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await expectCallInView(page, `with a second call waiting, ${size.width}×${size.height}`);
    await page.screenshot({ path: test.info().outputPath(`second-call-waiting-${size.width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 800 });
  // Well past the end of ring 2: still ringing, never answered.
  await page.waitForTimeout(8000);
  expect(await second.status()).toBe('calling');
  await expect(banner).toContainText('ring 2');
  await banner.getByRole('button', { name: 'Decline' }).click();
  await second.waitForStatus('terminated');
  await expect(banner).toHaveCount(0);
  await page.keyboard.press('Alt+H');
  await elena.waitForStatus('terminated');
  await expect(page.locator('.call-panel').getByText('You hung up')).toBeVisible();
  await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });
});

test('e. the caller hangs up during ring 1: a missed call is stored and shown; behind other windows, a desktop notification says who rings', async () => {
  const { page } = desk;
  // The office manager is in another window: notifications are allowed, Ringside has no focus.
  await page.evaluate(() => {
    const shown: string[] = [];
    Object.assign(window, { __notifications: shown });
    class RecordedNotification {
      static permission = 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        shown.push(`${title}: ${options?.body ?? ''}`);
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true });
    document.hasFocus = () => false;
  });
  await elena.call(DESK_USER);
  const panel = page.locator('.call-panel');
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  await expect(panel.getByText('Ring 1…')).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications)).toEqual(['Ringside: Incoming call: Елена Петрова']);
  await page.evaluate(() => Reflect.deleteProperty(document, 'hasFocus'));
  await elena.hangup();
  await expect(panel.getByText('Missed: the caller hung up while it rang')).toBeVisible();
  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  await page.getByRole('button', { name: 'Missed' }).click();
  const rows = page.locator('.calls-table tbody tr', { hasText: 'Елена Петрова' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Missed');
  await expect(rows.first().locator('[data-column="rings"]')).toHaveText('1');
});

test('the call is recorded: the caller on the left channel, the agent on the right, the SHA-256 in the database matches the file', async () => {
  const { page } = desk;
  await elena.call(DESK_USER);
  await elena.waitForStatus('established', 15_000);
  await expect(page.locator('.call-panel .recording-indicator')).toHaveText('Recording');
  await page.waitForTimeout(4000);
  await elena.hangup();
  await expect(page.locator('.call-panel')).toHaveAttribute('data-call-state', 'ended');
  const database = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    const { id: callId } = database.prepare('select id from calls order by invite_at desc limit 1').get() as { id: string };
    const recording = () =>
      database
        .prepare("select r.file, r.sha256, r.chunks, c.ended_at - r.started_at as recorded_ms from recordings r join calls c on c.id = r.call_id where r.call_id = ? and r.status = 'final'")
        .get(callId) as { file: string; sha256: string; chunks: number; recorded_ms: number } | undefined;
    await expect.poll(() => recording()?.sha256 ?? null, { timeout: 10_000 }).not.toBeNull();
    const row = recording()!;
    const file = join(desk.app.dataDir, row.file);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(row.sha256);
    expect(row.chunks).toBeGreaterThanOrEqual(3);
    // The header holds the recorded span (MediaRecorder leaves it out; Ringside writes it): from the
    // recorder's start to the hang-up, whatever a loaded machine did to when recording began.
    expect(row.recorded_ms).toBeGreaterThan(2500);
    expect(Math.abs(headerDurationSeconds(file) - row.recorded_ms / 1000)).toBeLessThan(1.2);
    const { left, right } = channelFrequencies(file, desk.dir);
    expect(Math.abs(left - CALLER_TONE_HZ)).toBeLessThan(60);
    expect(Math.abs(right - AGENT_TONE_HZ)).toBeLessThan(60);
  } finally {
    database.close();
  }
});

test('pausing the recording records silence for that span and keeps who paused and for how long', async () => {
  const { page } = desk;
  await elena.call(DESK_USER);
  await elena.waitForStatus('established', 15_000);
  const panel = page.locator('.call-panel');
  await expect(panel.locator('.recording-indicator')).toHaveText('Recording');
  await page.waitForTimeout(3000);
  await panel.getByRole('button', { name: 'Pause recording' }).click();
  await expect(panel.locator('.recording-indicator')).toHaveText('Recording paused');
  await page.waitForTimeout(3000);
  await panel.getByRole('button', { name: 'Resume recording' }).click();
  await expect(panel.locator('.recording-indicator')).toHaveText('Recording');
  await page.waitForTimeout(3000);
  await elena.hangup();
  const database = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    const { id: callId } = database.prepare('select id from calls order by invite_at desc limit 1').get() as { id: string };
    const recording = () => database.prepare("select file, started_at from recordings where call_id = ? and status = 'final'").get(callId) as { file: string; started_at: number } | undefined;
    await expect.poll(() => recording()?.file ?? null, { timeout: 10_000 }).not.toBeNull();
    const pause = database.prepare('select paused_by, paused_at, resumed_at from recording_pauses where call_id = ?').get(callId) as { paused_by: string; paused_at: number; resumed_at: number };
    expect(pause.paused_by).toBe(`sip:${DESK_USER}@127.0.0.1`);
    expect(pause.resumed_at - pause.paused_at).toBeGreaterThan(2500);
    expect(pause.resumed_at - pause.paused_at).toBeLessThan(4500);
    const file = join(desk.app.dataDir, recording()!.file);
    const pausedFrom = (pause.paused_at - recording()!.started_at) / 1000;
    // The caller's tone arrives quieter than the agent's (WebRTC processing): compare each channel with itself.
    for (const channel of ['left', 'right'] as const) {
      const before = channelRms(file, desk.dir, channel, 0.5, 1.5);
      const during = channelRms(file, desk.dir, channel, pausedFrom + 0.3, 1);
      const after = channelRms(file, desk.dir, channel, pausedFrom + 4.5, 1);
      expect(before).toBeGreaterThan(0.01);
      expect(after).toBeGreaterThan(0.01);
      expect(during).toBeLessThan(before / 20);
    }
  } finally {
    database.close();
  }
});

test('recording on demand records only between Record and Stop; "never" records nothing', async () => {
  const { page } = desk;
  const database = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  const lastCallRecordings = () => {
    const { id } = database.prepare('select id from calls order by invite_at desc limit 1').get() as { id: string };
    return database.prepare('select status, chunks from recordings where call_id = ?').all(id) as { status: string; chunks: number }[];
  };
  const choose = (policy: string) => saveRecordingSettings(page, { policy });
  try {
    await choose('Only when the person presses Record');
    await elena.call(DESK_USER);
    await elena.waitForStatus('established', 15_000);
    const panel = page.locator('.call-panel');
    await page.waitForTimeout(1500);
    await expect(panel.locator('.recording-indicator')).toHaveCount(0);
    expect(lastCallRecordings()).toEqual([]);
    await panel.getByRole('button', { name: 'Record' }).click();
    await expect(panel.locator('.recording-indicator')).toHaveText('Recording');
    await page.waitForTimeout(3000);
    await panel.getByRole('button', { name: 'Stop recording' }).click();
    await expect(panel.locator('.recording-indicator')).toHaveCount(0);
    await expect.poll(() => lastCallRecordings().map((r) => r.status), { timeout: 10_000 }).toEqual(['final']);
    expect(lastCallRecordings()[0]?.chunks).toBeGreaterThanOrEqual(2);
    await elena.hangup();
    await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });

    await choose('Never');
    await elena.call(DESK_USER);
    await elena.waitForStatus('established', 15_000);
    await page.waitForTimeout(2500);
    await expect(panel.getByRole('button', { name: 'Record' })).toHaveCount(0);
    await elena.hangup();
    await page.waitForTimeout(1000);
    expect(lastCallRecordings()).toEqual([]);
  } finally {
    database.close();
  }
});
