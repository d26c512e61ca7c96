import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { CallerBot } from '../lab/caller-bot.ts';
import { AGENT_TONE_HZ, DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';

const CALLER_TONE_HZ = 880;

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let elena: CallerBot;

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info);
  elena = await desk.bot('201', CALLER_TONE_HZ, 'Front desk of Ventura');
});

test.afterAll(async () => {
  await desk?.stop();
});

test('a. a known caller: card on screen while it rings, auto-answer at the end of ring 2, audio both ways, rings = 2 in history', async () => {
  const { page } = desk;
  const csv = join(desk.dir, 'contacts.csv');
  writeFileSync(csv, '\uFEFFФИО;Организация;Должность;Телефон;Категория\r\nЕлена Петрова;Вентура;Менеджер;201;A\r\n');
  await page.getByRole('button', { name: 'Contacts' }).click();
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

  const callerHears = await elena.peakFrequencyOfRemote();
  expect(Math.abs(callerHears.hz - AGENT_TONE_HZ)).toBeLessThan(30);
  const deskHears = await desk.heardByDesk();
  expect(Math.abs(deskHears.hz - CALLER_TONE_HZ)).toBeLessThan(30);

  await elena.hangup();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');
  await expect(panel.getByText('The caller hung up')).toBeVisible();
  await page.getByRole('button', { name: 'Calls' }).click();
  const row = page.locator('.calls-table tbody tr').first();
  await expect(row).toContainText('Елена Петрова');
  await expect(row.locator('[data-column="rings"]')).toHaveText('2');
  await expect(row).toContainText('Answered (auto)');
  await expect(row).toContainText('Caller');
});
