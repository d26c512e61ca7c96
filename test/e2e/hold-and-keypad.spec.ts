import { createSocket, type Socket } from 'node:dgram';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { CallerBot } from '../lab/caller-bot.ts';
import { startSippCall } from '../lab/sipp-caller.ts';
import { AGENT_TONE_HZ, DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let caller: CallerBot;
/** What rtpengine reports of the RFC 4733 events it relays (JSON over UDP). */
let dtmfLog: Socket;
const dtmfEvents: string[] = [];

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info, { rtpengine: true });
  caller = await desk.bot('201', 880, 'Caller on hold');
  dtmfLog = createSocket('udp4');
  dtmfLog.on('message', (message) => {
    const event = (JSON.parse(message.toString()) as { event?: number | string }).event;
    if (event !== undefined) dtmfEvents.push(['*', '#'][Number(event) - 10] ?? String(event));
  });
  await new Promise<void>((resolve) => dtmfLog.bind(desk.ports.dtmfLog, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  dtmfLog?.close();
  await desk?.stop();
});

test('hold and resume: the caller’s audio stops and comes back (measured), the screen follows the SDP, reminders at 30 s, hold time kept', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  await caller.call(DESK_USER);
  await caller.waitForStatus('established', 15_000);
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  const talking = await caller.peakFrequencyOfRemote();
  expect(Math.abs(talking.hz - AGENT_TONE_HZ)).toBeLessThan(40);

  await page.keyboard.press('Alt+O');
  await expect(panel.getByRole('button', { name: /Resume/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.locator('.hold-status')).toContainText('On hold');
  const held = await caller.peakFrequencyOfRemote();
  expect(held.db).toBeLessThan(talking.db - 30);
  // sendonly: nothing from the caller reaches the desk either.
  const deskHearsWhileHolding = await desk.heardByDesk();
  expect(Math.abs(deskHearsWhileHolding.hz - 880) > 40 || deskHearsWhileHolding.db < -90).toBe(true);
  await expect(panel.locator('.hold-status')).toContainText('waited 30 seconds', { timeout: 40_000 });
  await expect(panel.locator('.hold-status')).toHaveClass(/hold-warn/);
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-hold.png') });

  await panel.getByRole('button', { name: /Resume/ }).click();
  await expect(panel.getByRole('button', { name: /Hold/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.resume-banner')).toContainText('Thank the caller for waiting. You stopped at: Greeting');
  const back = await caller.peakFrequencyOfRemote();
  expect(Math.abs(back.hz - AGENT_TONE_HZ)).toBeLessThan(40);
  expect(back.db).toBeGreaterThan(held.db + 30);

  // Mute: the caller hears nothing from the desk until unmuted.
  await page.keyboard.press('Alt+M');
  await expect(panel.locator('.muted-status')).toBeVisible();
  // What was already in the network and the jitter buffer plays out first.
  await page.waitForTimeout(1000);
  expect((await caller.peakFrequencyOfRemote()).db).toBeLessThan(talking.db - 25);
  await panel.getByRole('button', { name: /Unmute/ }).click();
  await page.waitForTimeout(1000);
  expect(Math.abs((await caller.peakFrequencyOfRemote()).hz - AGENT_TONE_HZ)).toBeLessThan(40);

  await panel.getByRole('button', { name: /Hang up/ }).click();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');
  const database = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    await expect.poll(() => (database.prepare('select hold_ms from calls order by invite_at desc limit 1').get() as { hold_ms: number }).hold_ms).toBeGreaterThan(30_000);
    expect((database.prepare('select hold_ms from calls order by invite_at desc limit 1').get() as { hold_ms: number }).hold_ms).toBeLessThan(50_000);
  } finally {
    database.close();
  }
});

test('keypad tones reach the other side in the media (RFC 4733, seen by the PBX’s media relay)', async () => {
  const { page, ports } = desk;
  const panel = page.locator('.call-panel');
  dtmfEvents.length = 0;
  const sipp = startSippCall({ labDir: join(desk.dir, 'lab'), kamailioSipPort: ports.sip, localPort: ports.sippLocal, mediaPort: ports.sippMedia, target: DESK_USER, toneHz: 660, hangupAfterMs: 30_000 });
  await expect(panel).toHaveAttribute('data-call-state', 'active', { timeout: 20_000 });
  await page.keyboard.press('Alt+K');
  const keypad = page.getByRole('group', { name: 'Keypad: tones to the other side' });
  for (const key of ['1', '2', '#']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(400);
  }
  await expect(keypad).toContainText('Sent: 12#');
  await expect.poll(() => [...new Set(dtmfEvents)].join(''), { timeout: 10_000 }).toBe('12#');
  await panel.getByRole('button', { name: /Hang up/ }).click();
  expect((await sipp.done).code).toBe(0);
});

test('keypad tones to a phone that takes no RFC 4733 go by SIP INFO, and arrive', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  const oldPhone = await desk.bot('202', 660, 'Old phone');
  await oldPhone.call(DESK_USER, { telephoneEvent: false });
  await oldPhone.waitForStatus('established', 15_000);
  await panel.getByRole('button', { name: /Keypad/ }).click();
  const keypad = page.getByRole('group', { name: 'Keypad: tones to the other side' });
  await keypad.getByRole('button', { name: '5', exact: true }).click();
  await keypad.getByRole('button', { name: '*', exact: true }).click();
  await expect.poll(() => oldPhone.dtmfReceived()).toBe('5*');
  await oldPhone.hangup();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');
});
