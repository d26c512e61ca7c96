import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openAdminSection } from './fixtures/admin.ts';
import { DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';
import { openSettings, saveSettingsSection } from './fixtures/settings.ts';
import { UdpSipCaller } from '../lab/udp-sip-caller.ts';

const RING_TIMEOUT_S = 10;

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info, { ringPolicy: { answerOnRing: null } });
});

test.afterAll(async () => {
  await desk?.stop();
});

test('a flood of INVITEs rings at most the two lines; nobody answers, so they end at the ring timeout as missed; the rest is refused traffic, not calls', async () => {
  const { page } = desk;
  await openSettings(page, 'Answering');
  const ringTimeout = page.getByLabel('Stop ringing after (seconds; then the call is missed)');
  await expect(ringTimeout).toHaveValue('120');
  await ringTimeout.fill(String(RING_TIMEOUT_S));
  await saveSettingsSection(page);
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-ring-timeout-setting.png'), fullPage: true });

  const flood = await UdpSipCaller.open(desk.ports.sippLocal, { user: DESK_USER, kamailioPort: desk.ports.sip });
  const ids = Array.from({ length: 20 }, (_, i) => `flood-${i}@lab`);
  for (const id of ids) flood.invite(id);
  await flood.until('an answer to each INVITE', () => ids.every((id) => flood.codes(id).length > 0), 15_000);
  const rang = ids.filter((id) => flood.codes(id).includes(180));
  expect(rang).toHaveLength(2);
  await flood.until('486 to the others', () => ids.filter((id) => !rang.includes(id)).every((id) => flood.final(id)), 15_000);
  expect(ids.filter((id) => !rang.includes(id)).map((id) => flood.codes(id))).toEqual(Array.from({ length: 18 }, () => [486]));

  // No CANCEL ever comes: the desk ends both at the ring timeout, says why, and tells the caller 480.
  await flood.until('480 to the two that rang', () => rang.every((id) => flood.final(id)?.code === 480), (RING_TIMEOUT_S + 15) * 1000);
  await expect(page.locator('.call-panel').getByText('Not answered in time: the ringing was ended').first()).toBeVisible();
  flood.close();

  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  await expect(page.locator('.calls-table tr[data-call-id]')).toHaveCount(2);
  await expect(page.locator('.calls-table tr.row-missed')).toHaveCount(2);
  await page.getByRole('button', { name: 'Statistics', exact: true }).click();
  const stat = (key: string) => page.locator(`.stats-figures [data-stat="${key}"]`);
  await expect(stat('incoming')).toHaveText('2');
  await expect(stat('missed')).toHaveText('2');

  await openAdminSection(page, 'Refused calls');
  const refused = page.getByRole('region', { name: 'Refused before ringing' });
  await expect(refused.getByRole('row', { name: /All lines were busy/ })).toContainText('8');
  await expect(refused.getByRole('row', { name: /Too many from one source/ })).toContainText('10');
  await expect(refused).toContainText(`127.0.0.1:${desk.ports.sippLocal}`);
  await refused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-refused-traffic.png'), fullPage: true });
});
