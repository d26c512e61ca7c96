import { expect, test, type Page } from '@playwright/test';
import { JABRA_LIKE_COLLECTIONS } from '../../src/renderer/headset/jabra-like-descriptor.ts';
import type { CallerBot } from '../lab/caller-bot.ts';
import { AGENT_TONE_HZ, DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';
import { openSettings } from './fixtures/settings.ts';

/**
 * Headset buttons through WebHID. No USB headset can be plugged into this machine's headless
 * Chromium, so the page gets a simulated one: `navigator.hid` with one device whose collections
 * are a real headset's shape (jabra-like-descriptor.ts). The browser remembers the grant (here in
 * localStorage, as Chromium keeps it in its profile). Everything past navigator.hid is the app's.
 */
test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let caller: CallerBot;

// Input report 3: bit 0 hook switch (a state), bit 1 phone mute (a press), bit 2 flash.
const HOOK = 0b001;
const MUTE = 0b010;
const FLASH = 0b100;
// Output report 2: bit 0 off-hook, 1 mute, 2 ring, 3 hold.
const LAMP = { offHook: 0b0001, mute: 0b0010, ring: 0b0100, hold: 0b1000 };

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info, { rtpengine: true, ringPolicy: { answerOnRing: null } });
  caller = await desk.bot('201', 880, 'Headset caller');
  await desk.page.addInitScript(simulateHeadset, JABRA_LIKE_COLLECTIONS);
  await desk.page.reload();
  await expect(desk.page.getByText(`Registered as ${DESK_USER}`)).toBeVisible({ timeout: 20_000 });
});

test.afterAll(async () => {
  await desk?.stop();
});

const headsetInput = (page: Page, bits: number) => page.evaluate((b) => (window as unknown as Lab).__headset.input(b), bits);
const lastLamps = (page: Page) => page.evaluate(() => (window as unknown as Lab).__headset.sent.at(-1));

test('the headset is chosen once in Settings, then connected at every start without asking', async () => {
  const { page } = desk;
  await openSettings(page, 'Headset & devices');
  const status = page.locator('.headset-status');
  await expect(status).toHaveText('No headset chosen yet.');
  await page.getByRole('button', { name: 'Use my headset’s buttons…' }).click();
  await expect(status).toHaveText('Lab Headset: its buttons answer, hang up, mute and hold.');
  // Only telephony devices were offered.
  expect(await page.evaluate(() => (window as unknown as Lab).__headset.filters)).toEqual([{ usagePage: 0x0b }]);
  await page.locator('.headset-buttons').screenshot({ path: '/tmp/ringside-headset-settings.png' });

  await page.reload();
  await openSettings(page, 'Headset & devices');
  await expect(status).toHaveText('Lab Headset: its buttons answer, hang up, mute and hold.');
  expect(await page.evaluate(() => (window as unknown as Lab).__headset.requests)).toBe(0);
  await page.getByRole('button', { name: 'Calls', exact: true }).click();
});

test('hook switch answers and hangs up, mute and flash work the call, and the lamps follow', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  await caller.call(DESK_USER);
  await expect(panel).toHaveAttribute('data-call-state', 'ringing', { timeout: 15_000 });
  await expect.poll(() => lastLamps(page)).toEqual([2, [LAMP.ring]]);

  await headsetInput(page, HOOK);
  await caller.waitForStatus('established', 15_000);
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await expect.poll(() => lastLamps(page)).toEqual([2, [LAMP.offHook]]);
  const talking = await caller.peakFrequencyOfRemote();
  expect(Math.abs(talking.hz - AGENT_TONE_HZ)).toBeLessThan(40);

  // Mute is a press: down toggles, up does nothing.
  await headsetInput(page, HOOK | MUTE);
  await headsetInput(page, HOOK);
  await expect(panel.locator('.muted-status')).toBeVisible();
  await expect.poll(() => lastLamps(page)).toEqual([2, [LAMP.offHook | LAMP.mute]]);
  expect((await caller.peakFrequencyOfRemote()).db).toBeLessThan(talking.db - 25);
  await headsetInput(page, HOOK | MUTE);
  await headsetInput(page, HOOK);
  await expect(panel.locator('.muted-status')).toHaveCount(0);

  await headsetInput(page, HOOK | FLASH);
  await headsetInput(page, HOOK);
  await expect(panel.getByRole('button', { name: /^Resume/ })).toBeVisible({ timeout: 10_000 });
  await expect.poll(() => lastLamps(page)).toEqual([2, [LAMP.offHook | LAMP.hold]]);
  await headsetInput(page, HOOK | FLASH);
  await headsetInput(page, HOOK);
  await expect(panel.getByRole('button', { name: /^Hold/ })).toBeVisible({ timeout: 10_000 });

  // Putting the headset on-hook ends the call.
  await headsetInput(page, 0);
  await caller.waitForStatus('terminated', 10_000);
  await expect.poll(() => lastLamps(page)).toEqual([2, [0]]);
});

interface Lab {
  __headset: { sent: [number, number[]][]; filters: unknown; requests: number; input(bits: number): void };
}

/** Runs in the page before Ringside loads: a navigator.hid with one simulated headset. */
function simulateHeadset(collections: unknown): void {
  const sent: [number, number[]][] = [];
  const device = Object.assign(new EventTarget(), {
    opened: false,
    productName: 'Lab Headset',
    collections,
    open: () => {
      device.opened = true;
      return Promise.resolve();
    },
    sendReport: (reportId: number, data: Uint8Array) => {
      sent.push([reportId, [...data]]);
      return Promise.resolve();
    },
  });
  const lab = { sent, filters: null as unknown, requests: 0, input: (_bits: number) => undefined as void };
  const hid = Object.assign(new EventTarget(), {
    getDevices: () => Promise.resolve(localStorage.getItem('lab-headset-granted') === 'yes' ? [device] : []),
    requestDevice: (options: { filters: unknown }) => {
      lab.requests++;
      lab.filters = options.filters;
      localStorage.setItem('lab-headset-granted', 'yes');
      return Promise.resolve([device]);
    },
  });
  lab.input = (bits: number) => {
    const event = Object.assign(new Event('inputreport'), { device, reportId: 3, data: new DataView(new Uint8Array([bits, 0]).buffer) });
    device.dispatchEvent(event);
  };
  Object.defineProperty(navigator, 'hid', { value: hid, configurable: true });
  (window as unknown as { __headset: typeof lab }).__headset = lab;
}
