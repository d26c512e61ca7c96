import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { CallerBot } from '../lab/caller-bot.ts';
import { startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let caller: CallerBot;
let maria: CallerBot;

test.beforeAll(async ({}, info) => {
  // This PBX offers busy lamps: Kamailio's presence server with the calls it routes (dialog).
  desk = await startDeskLab(info, { presence: true });
  caller = await desk.bot('201', 880, 'Client');
  maria = await desk.bot('203', 660, 'Maria');
});

test.afterAll(async () => {
  await desk?.stop();
});

test('busy lamps: a colleague on a plain phone shows ringing, on the phone and free again, from the PBX’s dialog events', async () => {
  const { page } = desk;
  await page.getByRole('button', { name: 'Colleagues', exact: true }).click();
  await page.getByRole('button', { name: 'Add colleague' }).click();
  const form = page.getByRole('form', { name: 'Add colleague' });
  await form.getByLabel('Name').fill('Maria');
  await form.getByLabel('Extension').fill('203');
  await form.getByLabel('Role').fill('Accounts');
  await form.getByLabel('Handles (what to transfer to them)').fill('invoices');
  await form.getByRole('button', { name: 'Save' }).click();
  const row = page.locator('.colleagues-table tr[data-extension="203"]');
  // Maria has no Ringside: her status comes from the PBX alone.
  await expect(row).toHaveAttribute('data-line', 'idle', { timeout: 15_000 });
  await expect(row).toContainText('Line free');

  await caller.call('203');
  await maria.waitForStatus('incoming', 15_000);
  await expect(row).toHaveAttribute('data-line', 'ringing', { timeout: 10_000 });
  await expect(row).toContainText('Phone ringing');
  await maria.answer();
  await caller.waitForStatus('established', 15_000);
  await expect(row).toHaveAttribute('data-line', 'busy', { timeout: 10_000 });
  await expect(row).toContainText('On the phone');
  await expect(row.locator('.presence')).toHaveAttribute('title', /from the phone system/);
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-busy-lamps.png') });
  await caller.hangup();
  await expect(row).toHaveAttribute('data-line', 'idle', { timeout: 10_000 });
});
