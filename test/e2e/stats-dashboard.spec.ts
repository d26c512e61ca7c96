import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { CallerBot } from '../lab/caller-bot.ts';
import { DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let caller: CallerBot;

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info);
  caller = await desk.bot('201', 880, 'Prospect');
});

test.afterAll(async () => {
  await desk?.stop();
});

test('after a few calls with outcomes (and a practice call), the statistics show the right counts, each chart with its table', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  const talkAndWrapUp = async (outcome: string) => {
    await caller.call(DESK_USER);
    await caller.waitForStatus('established', 15_000);
    await expect(panel).toHaveAttribute('data-call-state', 'active');
    await caller.hangup();
    const wrapUp = page.locator('form.wrap-up');
    await wrapUp.getByLabel('Outcome').selectOption({ label: outcome });
    await wrapUp.getByRole('button', { name: 'Save wrap-up' }).click();
    await expect(wrapUp).toHaveCount(0);
  };
  await talkAndWrapUp('Sold');
  await talkAndWrapUp('Meeting booked');
  // A caller who gives up during ring 1.
  await caller.call(DESK_USER);
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  await caller.hangup();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');
  // A rehearsal never counts.
  await page.getByRole('button', { name: 'Practice call' }).click();
  await panel.getByRole('button', { name: /Answer/ }).click();
  await panel.getByRole('button', { name: /Hang up/ }).click();
  await page.locator('form.wrap-up').getByLabel('Outcome').selectOption({ label: 'Sold' });
  await page.locator('form.wrap-up').getByRole('button', { name: 'Save wrap-up' }).click();

  await page.getByRole('button', { name: 'Statistics', exact: true }).click();
  const stat = (key: string) => page.locator(`.stats-figures [data-stat="${key}"]`);
  await expect(stat('incoming')).toHaveText('3');
  await expect(stat('answered')).toHaveText('2');
  await expect(stat('missed')).toHaveText('1');
  await expect(stat('by-ring-3')).toHaveText('100%');
  await expect(stat('conversion')).toHaveText('33%');
  const rings = page.getByRole('region', { name: 'Speed of answer in rings' });
  await expect(rings.locator('tbody tr').nth(0)).toHaveText(['1', '0', '1'].join(''));
  await expect(rings.locator('tbody tr').nth(1)).toHaveText(['2', '2', '0'].join(''));
  const outcomes = page.getByRole('region', { name: 'Outcomes' });
  await expect(outcomes.locator('tbody')).toContainText('Effective calls2');
  await expect(outcomes.locator('tbody')).toContainText('Meetings1');
  await expect(outcomes.locator('tbody')).toContainText('Sold1');
  await expect(rings.getByRole('application')).toBeVisible();
  await expect(rings.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const download = page.waitForEvent('download');
  await outcomes.getByRole('button', { name: 'CSV' }).click();
  const file = join(desk.dir, 'outcomes.csv');
  await (await download).saveAs(file);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(file, 'utf8')).toBe('\uFEFFStage,Calls\r\nEffective calls,2\r\nOffers,0\r\nMeetings,1\r\nDeferred,0\r\nSold,1\r\n');
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-stats.png'), fullPage: true });
});
