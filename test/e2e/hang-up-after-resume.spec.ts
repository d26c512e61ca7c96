import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { el } from '../../src/renderer/i18n/locales/el.ts';
import { en } from '../../src/renderer/i18n/locales/en.ts';
import { ru } from '../../src/renderer/i18n/locales/ru.ts';
import { launchLabChromium } from '../lab/chromium.ts';
import { makeTone } from '../lab/tones.ts';
import { AGENT_TONE_HZ, portsFor } from './fixtures/desk-lab.ts';
import { startRingsideWeb } from './fixtures/ringside-app.ts';

type Catalogue = typeof en;

/** Every place Hang up takes from now on, as the page draws it (each change of the page is looked at). */
async function watchHangUp(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const places: string[] = [];
    (window as unknown as { hangUpPlaces: string[] }).hangUpPlaces = places;
    const look = () => {
      const box = document.querySelector('.call-panel .hang-up')?.getBoundingClientRect();
      const place = box ? `${Math.round(box.x)},${Math.round(box.y)}` : 'gone';
      if (places.at(-1) !== place) places.push(place);
    };
    look();
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { hangUpPlaces: string[] }).hangUpPlaces);
}

async function holdThenResume(page: Page, call: Locator, t: Catalogue): Promise<string[]> {
  await call.getByRole('button', { name: new RegExp(t.callControls.hold) }).click();
  await expect(call).toHaveAttribute('data-bar-state', 'on-hold');
  await expect(call.getByRole('button', { name: new RegExp(t.callControls.resume) })).toBeEnabled();
  const places = await watchHangUp(page);
  await call.getByRole('button', { name: new RegExp(t.callControls.resume) }).click();
  await expect(call).toHaveAttribute('data-bar-state', 'on-call');
  await expect(call.getByRole('button', { name: new RegExp(t.callControls.hold) })).toBeEnabled();
  return places();
}

// On CI a Hang up pressed right after Resume once left the call on: the hold button's words
// changed its width, the row of call buttons re-wrapped and Hang up jumped to the other row
// under the pointer. Measured on the practice line (no PBX needed), in the three languages.
for (const [language, t] of [
  ['en', en],
  ['ru', ru],
  ['el', el],
] as const) {
  test(`${language}: Hang up stays where it is while the call is held and taken back, and a Hang up right after Resume ends the call`, async ({}, info) => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-hang-up-after-resume-'));
    const app = await startRingsideWeb({ dir, port: portsFor(info).ringside, config: { language, script: { id: 'inbound-sales', locale: language }, ringPolicy: { answerOnRing: null } } });
    const browser = await launchLabChromium({ fakeMicWav: makeTone(dir, AGENT_TONE_HZ, 'wav'), loopbackIce: false });
    try {
      const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
      await page.goto(app.url);
      await page.getByRole('button', { name: t.practice.button }).click();
      const call = page.locator('.call-panel');
      await call.getByRole('button', { name: new RegExp(t.callPanel.answer) }).click();
      await expect(call).toHaveAttribute('data-call-state', 'active');

      for (const size of [
        { width: 1366, height: 768 },
        { width: 1920, height: 1080 },
      ]) {
        await page.setViewportSize(size);
        const places = await holdThenResume(page, call, t);
        expect(places.length, `Hang up moved at ${size.width}: ${places.join(' → ')}`).toBe(1);
        await page.screenshot({ path: info.outputPath(`on-call-${language}-${size.width}.png`) });
      }

      // Resume, then Hang up at once: the resume's re-INVITE is still on its way.
      await page.setViewportSize({ width: 1366, height: 768 });
      await call.getByRole('button', { name: new RegExp(t.callControls.hold) }).click();
      await expect(call).toHaveAttribute('data-bar-state', 'on-hold');
      await page.screenshot({ path: info.outputPath(`on-hold-${language}-1366.png`) });
      await call.getByRole('button', { name: new RegExp(t.callControls.resume) }).click();
      await call.getByRole('button', { name: new RegExp(t.callPanel.hangUp) }).click();
      await expect(call).toHaveAttribute('data-call-state', 'ended');
      await expect(call).toHaveAttribute('data-bar-state', 'wrap-up');
      // The far end's answer to the re-INVITE the BYE cut short comes after: it is no refusal to show.
      await page.waitForTimeout(1000);
      await expect(page.locator('.notices .banner-error')).toHaveCount(0);
    } finally {
      await browser.close();
      await app.stop();
      if (info.status === info.expectedStatus) rmSync(dir, { recursive: true, force: true });
    }
  });
}
