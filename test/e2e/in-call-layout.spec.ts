import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { launchLabChromium } from '../lab/chromium.ts';
import { makeTone } from '../lab/tones.ts';
import { el } from '../../src/renderer/i18n/locales/el.ts';
import { en } from '../../src/renderer/i18n/locales/en.ts';
import { ru } from '../../src/renderer/i18n/locales/ru.ts';
import { AGENT_TONE_HZ, portsFor } from './fixtures/desk-lab.ts';
import { expectCallInView, expectInViewport } from './fixtures/in-viewport.ts';
import { startRingsideWeb, type RingsideApp } from './fixtures/ringside-app.ts';

test.describe.configure({ mode: 'serial' });

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const LANGUAGES = [
  { language: 'en', catalogue: en, offset: 0, activity: 'aluminium windows' },
  { language: 'ru', catalogue: ru, offset: 1, activity: 'алюминиевые окна' },
  { language: 'el', catalogue: el, offset: 2, activity: 'κουφώματα αλουμινίου' },
] as const;

/** The words of a catalogue text before its first placeholder ("On hold · {{time}}" → "On hold · "). */
const lead = (text: string) => text.split('{{')[0]!;

let dir: string;
let browser: Browser;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ringside-in-call-layout-'));
  browser = await launchLabChromium({ fakeMicWav: makeTone(dir, AGENT_TONE_HZ, 'wav') });
});

test.afterAll(async ({}, info) => {
  await browser?.close();
  if (info.status === info.expectedStatus) rmSync(dir, { recursive: true, force: true });
});

/** The call at the top of the page; at 1366×768 also scrolled to the end, where the call bar must still be. */
async function expectCallStaysInView(page: Page, label: string, scrolls: boolean): Promise<void> {
  await expectCallInView(page, label);
  if (!scrolls) return;
  // Scrolled to the end of the card, the call bar is still at the top.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY), `${label}: the page is taller than the window`).toBeGreaterThan(0);
  await expectInViewport(page, page.locator('.call-panel .caller-name'), `${label}, scrolled: the caller's name`);
  await expectInViewport(page, page.locator('.call-panel button[aria-keyshortcuts="Alt+H"]'), `${label}, scrolled: Hang up`);
  await page.evaluate(() => window.scrollTo(0, 0));
}

const barColour = (page: Page) => page.locator('.call-bar-head').evaluate((head) => getComputedStyle(head).backgroundColor);

for (const { language, catalogue, offset, activity } of LANGUAGES) {
  test(`in ${language}, at 1366×768 and 1920×1080, the stage's words, the caller and Hang up are on screen during a practice call; the bar says ringing, on the call, on hold and ended in colour and words; the calls list steps back`, async ({}, info) => {
    const app: RingsideApp = await startRingsideWeb({
      dir: join(dir, language),
      port: portsFor(info).ringside + offset,
      config: { language, defaultRegion: 'GR', script: { id: 'inbound-sales', locale: language }, office: { company: 'Ventura', activity } },
    });
    try {
      for (const size of SIZES) {
        const page = await browser.newPage({ viewport: size });
        await page.goto(app.url);
        const label = `${language} ${size.width}×${size.height}`;
        const panel = page.locator('.call-panel');
        const words = panel.locator('.call-bar-words');
        const dialBox = page.locator('.dial-form');

        // Idle: the dial box is there, and its Call button looks disabled until a number is typed.
        await expect(dialBox).toBeVisible();
        const call = dialBox.locator('button[type="submit"]');
        await expect(call).toBeDisabled();
        const disabledLook = await call.evaluate((button) => getComputedStyle(button).backgroundColor);
        await dialBox.locator('input').fill('203');
        await expect(call).toBeEnabled();
        expect(await call.evaluate((button) => getComputedStyle(button).backgroundColor), `${label}: a disabled Call button looks like an enabled one`).not.toBe(disabledLook);
        await dialBox.locator('input').fill('');

        await page.getByRole('button', { name: catalogue.practice.button }).click();
        await expect(panel).toHaveAttribute('data-call-state', 'ringing');
        await expect(panel).toHaveAttribute('data-bar-state', 'ringing');
        await expect(words).toContainText(lead(catalogue.callPanel.ringing));
        // Ringing pulses, unless the person asked their system for less motion.
        const animation = () => page.locator('.call-bar-head').evaluate((head) => getComputedStyle(head).animationName);
        expect(await animation()).toBe('ring-pulse');
        await page.emulateMedia({ reducedMotion: 'reduce' });
        expect(await animation()).toBe('none');
        await page.emulateMedia({ reducedMotion: null });
        // The calls list and the dial box step back while the call is live.
        await expect(dialBox).toHaveCount(0);
        await expect(page.locator('.calls-stepped-back')).toContainText(catalogue.calls.steppedBack);
        await page.screenshot({ path: info.outputPath(`ringing-${language}-${size.width}.png`) });

        await panel.locator('button[aria-keyshortcuts="Enter Alt+A"]').click();
        await expect(panel).toHaveAttribute('data-bar-state', 'on-call');
        await expect(words).toContainText(lead(catalogue.callPanel.onCall));
        await expect(page.locator('.script-panel .script-say').first()).toContainText('Ventura');
        const talking = await barColour(page);
        await expectCallStaysInView(page, `${label}, on the call`, size.height < 1000);
        await page.screenshot({ path: info.outputPath(`on-call-${language}-${size.width}.png`) });

        await panel.locator('button[aria-keyshortcuts="Alt+O"]').click();
        await expect(panel).toHaveAttribute('data-bar-state', 'on-hold');
        await expect(words).toContainText(lead(catalogue.callControls.onHold));
        expect(await barColour(page), `${label}: the bar's colour on hold`).not.toBe(talking);
        await expectCallStaysInView(page, `${label}, on hold`, size.height < 1000);
        await page.screenshot({ path: info.outputPath(`on-hold-${language}-${size.width}.png`) });

        await panel.locator('button[aria-keyshortcuts="Alt+O"]').click();
        await expect(panel).toHaveAttribute('data-bar-state', 'on-call');
        await panel.locator('button[aria-keyshortcuts="Alt+H"]').click();
        await expect(panel).toHaveAttribute('data-bar-state', 'wrap-up');
        await expect(words).toHaveText(catalogue.callPanel.ended['agent-hung-up']);
        expect(await barColour(page), `${label}: the bar's colour after the hang-up`).not.toBe(talking);
        // Back once the call is over.
        await expect(dialBox).toBeVisible();
        await expect(page.locator('.calls-stepped-back')).toHaveCount(0);
        await page.screenshot({ path: info.outputPath(`ended-${language}-${size.width}.png`) });
        await expect(panel).toHaveCount(0, { timeout: 10_000 });
        await page.close();
      }
    } finally {
      await app.stop();
    }
  });
}
