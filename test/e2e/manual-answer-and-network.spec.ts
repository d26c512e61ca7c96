import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { CallerBot } from '../lab/caller-bot.ts';
import { startSippCall } from '../lab/sipp-caller.ts';
import { AGENT_TONE_HZ, DESK_USER, PASSWORD, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';
import { openSettings, pressSave, saveSettingsSection } from './fixtures/settings.ts';

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let caller: CallerBot;

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info, { rtpengine: true, wss: true });
  caller = await desk.bot('201', 880, 'Client');
});

test.afterAll(async () => {
  await desk?.stop();
});

test('b. auto-answer off: it keeps ringing with the ring count shown; answered with a click on ring 4', async () => {
  const { page } = desk;
  await openSettings(page, 'Answering');
  await page.getByLabel('Answer by itself').selectOption('off');
  await saveSettingsSection(page);

  await caller.call(DESK_USER);
  const panel = page.locator('.call-panel');
  await expect(panel.getByText('Auto-answer is off — answer when you are ready')).toBeVisible();
  await expect(panel.getByText('Ring 4…')).toBeVisible({ timeout: 25_000 });
  expect(await caller.status()).toBe('calling');
  await panel.getByRole('button', { name: /Answer/ }).click();
  await caller.waitForStatus('established');
  const answeredAfter = await caller.answeredAfterMs();
  expect(answeredAfter).toBeGreaterThan(15_000);
  expect(Math.abs((await caller.peakFrequencyOfRemote()).hz - AGENT_TONE_HZ)).toBeLessThan(30);
  await caller.hangup();
  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  await expect(page.locator('.calls-table tbody tr').first().locator('[data-column="rings"]')).toHaveText('4');
  await expect(page.locator('.calls-table tbody tr').first()).not.toContainText('(auto)');
});

test('f. Kamailio restarts: Ringside re-registers by itself and takes the next call', async () => {
  const { page } = desk;
  await desk.lab.stopKamailio();
  await expect(page.locator('.registration[data-status="failed"]')).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.registration')).toContainText('retrying in');
  await desk.lab.startKamailio();
  await expect(page.getByText(`Registered as ${DESK_USER}`)).toBeVisible({ timeout: 20_000 });
  await caller.reconnect();
  await caller.call(DESK_USER);
  const panel = page.locator('.call-panel');
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  await page.keyboard.press('Enter');
  await caller.waitForStatus('established');
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await caller.hangup();
  await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });
});

test('g. a plain-SIP desk phone (SIPp, through rtpengine) reaches Ringside with audio', async () => {
  const { page, ports } = desk;
  const sipp = startSippCall({ labDir: `${desk.dir}/lab`, kamailioSipPort: ports.sip, localPort: ports.sippLocal, mediaPort: ports.sippMedia, target: DESK_USER, toneHz: 660, hangupAfterMs: 30_000 });
  const panel = page.locator('.call-panel');
  await expect(panel).toHaveAttribute('data-call-state', 'ringing', { timeout: 15_000 });
  await expect(panel.getByRole('heading', { name: 'Desk Phone' })).toBeVisible();
  await panel.getByRole('button', { name: /Answer/ }).click();
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await expect.poll(async () => Math.round((await desk.heardByDesk()).hz), { timeout: 10_000 }).toBeGreaterThan(630);
  expect(Math.abs((await desk.heardByDesk()).hz - 660)).toBeLessThan(30);
  await page.keyboard.press('Alt+H');
  const result = await sipp.done;
  expect(result.code, result.output).toBe(0);
});

test('a wrong password shows the server\'s reason and is not retried; the right one registers again', async () => {
  const { page } = desk;
  await openSettings(page, 'Phone system (PBX)');
  await page.getByLabel('Password').fill('not-the-password');
  await pressSave(page);
  const registration = page.locator('.registration');
  await expect(registration).toContainText('Failed: 401 Unauthorized: the server refused the user name or password');
  await expect(registration).not.toContainText('retrying in');
  await page.getByLabel('Password').fill(PASSWORD);
  await pressSave(page);
  await expect(page.getByText(`Registered as ${DESK_USER}`)).toBeVisible();
  const logs = readFileSync(`${desk.app.dataDir}/logs/ringside.log`, 'utf8');
  expect(logs).toContain('Registration');
  expect(logs).not.toContain(PASSWORD);
  expect(logs).not.toContain('not-the-password');
  // Nowhere in the data folder either: database (and its WAL), settings, recordings, logs.
  const files = readdirSync(desk.app.dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => join(f.parentPath, f.name));
  expect(files.some((f) => f.endsWith('ringside.sqlite'))).toBe(true);
  for (const file of files) {
    const bytes = readFileSync(file);
    expect(bytes.includes(PASSWORD), file).toBe(false);
    expect(bytes.includes('not-the-password'), file).toBe(false);
  }
});

test('device choices: the ring on the ringer output, the call on the headset, remembered after a reload', async () => {
  const { page } = desk;
  await openSettings(page, 'Headset & devices');
  await page.getByLabel('Headset (the call)').selectOption({ label: 'Fake Audio Output 1' });
  await page.getByLabel('Ringer (the ring)').selectOption({ label: 'Fake Audio Output 2' });
  await page.getByLabel('Microphone').selectOption({ label: 'Fake Audio Input 2' });
  await saveSettingsSection(page);
  await page.reload();
  await expect(page.getByText(`Registered as ${DESK_USER}`)).toBeVisible();
  await openSettings(page, 'Headset & devices');
  await expect(page.getByLabel('Ringer (the ring)').locator('option:checked')).toHaveText('Fake Audio Output 2');
  const outputs = await page.evaluate(async () =>
    Object.fromEntries((await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audiooutput').map((d) => [d.label, d.deviceId])),
  );

  await caller.call(DESK_USER);
  const panel = page.locator('.call-panel');
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  const sinkOf = (selector: string) => page.locator(selector).evaluate((el) => (el as HTMLAudioElement & { sinkId: string }).sinkId);
  await expect.poll(() => sinkOf('audio[data-role="ringtone"]')).toBe(outputs['Fake Audio Output 2']);
  await panel.getByRole('button', { name: /Answer/ }).click();
  await caller.waitForStatus('established');
  await expect.poll(() => sinkOf('audio[data-role="remote-audio"]')).toBe(outputs['Fake Audio Output 1']);
  expect(Math.abs((await caller.peakFrequencyOfRemote()).hz - AGENT_TONE_HZ)).toBeLessThan(30);
  await expect(page.getByText('is not connected')).toHaveCount(0);
  await caller.hangup();
});

test('secure WebSocket: a PBX whose certificate comes from a private CA is refused with the reason, then trusted once its CA is pasted in Settings, and takes a call', async () => {
  const { page, lab } = desk;
  expect(lab.wss).not.toBeNull();
  await openSettings(page, 'Phone system (PBX)');
  await page.getByLabel('Server URL').fill(lab.wss?.url ?? '');
  await pressSave(page);
  await expect(page.locator('.top-bar')).toContainText('the server’s certificate is not from a trusted authority'.replace('’', "'"), { timeout: 15_000 });
  await page.locator('.top-bar').screenshot({ path: '/tmp/ringside-untrusted-pbx.png' });
  await page.getByLabel('PBX certificate (optional)').fill(readFileSync(lab.wss!.caFile, 'utf8'));
  await pressSave(page);
  // It was registered over ws:// already: wait for the challenged and the authenticated REGISTER over TLS.
  const registersOverTls = () => readFileSync(`${desk.dir}/lab/kamailio.log`, 'utf8').match(/REQ REGISTER .* proto=wss/g)?.length ?? 0;
  await expect.poll(registersOverTls, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await expect(page.getByText(`Registered as ${DESK_USER}`)).toBeVisible();
  await caller.call(DESK_USER);
  await expect(page.locator('.call-panel')).toHaveAttribute('data-call-state', 'ringing');
  await page.keyboard.press('Enter');
  await caller.waitForStatus('established');
  expect(Math.abs((await caller.peakFrequencyOfRemote()).hz - AGENT_TONE_HZ)).toBeLessThan(30);
  await caller.hangup();
});
