import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { CallerBot } from '../lab/caller-bot.ts';
import { DESK_USER, LANDLINE_CALLER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let eleni: CallerBot;

/** "3 Δεκ 2026, 2:05 μ.μ.": day, the month as a Greek word, year, time — never 12/3/2026. */
const GREEK_DATE_TIME = /^\d{1,2} \p{Lu}\p{Ll}{2,3} \d{4}, \d{1,2}:\d{2} [πμ]\.μ\.$/u;
/** The caller's number, 2101234567 from the PBX, in the national form of the office's region (GR). */
const NATIONAL = '21 0123 4567';

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info, { language: 'el' });
  eleni = await desk.bot(LANDLINE_CALLER, 660);
});

test.afterAll(async () => {
  await desk?.stop();
});

test('a Greek desk shows an Athens caller in the national form and the times of calls in Greek: call, card, history and contacts', async () => {
  const { page } = desk;
  const csv = join(desk.dir, 'contacts.csv');
  writeFileSync(csv, 'Name,Organization,Phone\r\nΕλένη Γεωργίου,Ventura,+30 210 123 4567\r\n');
  await page.getByRole('button', { name: 'Επαφές', exact: true }).click();
  await page.locator('input[type="file"]').setInputFiles(csv);
  const contact = page.locator('table tbody tr', { hasText: 'Ελένη Γεωργίου' });
  await expect(contact).toContainText(NATIONAL);
  await expect(contact).not.toContainText('+30');

  await eleni.call(DESK_USER);
  const panel = page.locator('.call-panel');
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  await expect(panel.locator('.caller-number')).toHaveText(NATIONAL);
  const card = page.getByRole('complementary', { name: 'Καρτέλα πελάτη' });
  await expect(card.locator('.card-fields')).toContainText(NATIONAL);
  await eleni.hangup();
  await eleni.waitForStatus('terminated');
  await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });

  await page.getByRole('button', { name: 'Κλήσεις', exact: true }).click();
  const row = page.locator('.calls-table tr[data-call-id]').first();
  await expect(row).toContainText('Ελένη Γεωργίου');
  await expect(row).toContainText(NATIONAL);
  await expect(row).not.toContainText('+302101234567');
  await expect(row.locator('td').first()).toHaveText(GREEK_DATE_TIME);
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(desk.dir, '..', `ringside-history-el-${width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 800 });

  // The next call: the card's last calls give the first one's time in Greek as well.
  await eleni.call(DESK_USER);
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  const lastCall = card.locator('.recent-calls li').first();
  await expect(lastCall.locator('span').first()).toHaveText(GREEK_DATE_TIME);
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-numbers-and-dates-el.png') });
  await eleni.hangup();
  await eleni.waitForStatus('terminated');
  await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });
});

test('a Russian desk writes the times of calls in Russian and a Moscow number in the international form (the office is in GR)', async ({}, info) => {
  await desk.stop();
  desk = await startDeskLab(info, { language: 'ru' });
  const { page } = desk;
  const csv = join(desk.dir, 'contacts.csv');
  writeFileSync(csv, 'Name,Organization,Phone\r\nЕлена Петрова,Вентура,+30 210 123 4567\r\nОльга Смирнова,Север,+7 495 123-45-67\r\n');
  await page.getByRole('button', { name: 'Контакты', exact: true }).click();
  await page.locator('input[type="file"]').setInputFiles(csv);
  await expect(page.locator('table tbody tr', { hasText: 'Ольга Смирнова' })).toContainText('+7 495 123 45 67');
  await expect(page.locator('table tbody tr', { hasText: 'Елена Петрова' })).toContainText(NATIONAL);

  const elena = await desk.bot(LANDLINE_CALLER, 660);
  await elena.call(DESK_USER);
  await expect(page.locator('.call-panel')).toHaveAttribute('data-call-state', 'ringing');
  await elena.hangup();
  await elena.waitForStatus('terminated');
  await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });
  await page.getByRole('button', { name: 'Звонки', exact: true }).click();
  const row = page.locator('.calls-table tr[data-call-id]').first();
  await expect(row).toContainText(NATIONAL);
  // "3 дек. 2026 г., 14:05" (May is "мая", without a dot): never 12/3/2026, nor 03.12.2026 with seconds.
  await expect(row.locator('td').first()).toHaveText(/^\d{1,2} [а-я]{3,4}\.? \d{4} г\., \d{2}:\d{2}$/);
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-history-ru-1366.png') });
});
