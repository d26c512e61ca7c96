import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSippCall } from '../lab/sipp-caller.ts';
import { DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';

// Issue 14, defect 3: the PBX (Kamailio, its registrations in memory) restarts during a call from a
// desk phone on plain SIP. The desk's WebSocket connection is gone and a new one replaces it; the
// caller's BYE, through the PBX that never saw the call, must still reach the desk (SIP Outbound
// and its GRUU), and the next call must be answered as usual, not held back as call waiting.

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;

const call = (hangupAfterMs: number) =>
  startSippCall({ labDir: join(desk.dir, 'lab'), kamailioSipPort: desk.ports.sip, localPort: desk.ports.sippLocal, mediaPort: desk.ports.sippMedia, target: DESK_USER, toneHz: 660, hangupAfterMs });

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info, { rtpengine: true, ringPolicy: { answerOnRing: 1, ringOnMs: 1000, ringOffMs: 1000 } });
});

test.afterAll(async () => {
  await desk?.stop();
});

test('after a registrar restart mid-call, the caller hanging up ends the call on the desk and the next call is answered by itself', async () => {
  const { page, lab } = desk;
  const panel = page.locator('.call-panel');

  // The caller hangs up 20 s after the answer: after the restart below and the desk's new registration.
  const first = call(20_000);
  await expect(panel).toHaveAttribute('data-call-state', 'active', { timeout: 20_000 });
  const answeredAt = Date.now();

  await lab.restartKamailio();
  await expect(page.getByText(`Registered as ${DESK_USER}`)).toBeVisible({ timeout: 15_000 });
  expect(Date.now() - answeredAt).toBeLessThan(15_000);
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await page.screenshot({ path: test.info().outputPath('call-after-restart.png') });

  // The BYE finds the desk: the call ends as the caller's hang-up, and the caller gets its 200 OK.
  await expect(panel).toHaveAttribute('data-call-state', 'ended', { timeout: 25_000 });
  await expect(panel.getByText('The caller hung up')).toBeVisible();
  expect((await first.done).code).toBe(0);
  await page.screenshot({ path: test.info().outputPath('ended-after-restart.png') });

  const second = call(4000);
  await expect(panel).toHaveAttribute('data-call-state', 'active', { timeout: 20_000 });
  await expect(page.locator('.waiting-banner')).toHaveCount(0);
  await expect(panel.getByText('The caller hung up')).toBeVisible({ timeout: 10_000 });
  expect((await second.done).code).toBe(0);

  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  const rows = page.locator('.calls-table tbody tr');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText('Answered (auto)');
});

test('a caller whose phone dies mid-call (no BYE, no more audio): the desk notices the dead media, ends the call itself and answers the next call by itself', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  const dying = call(60_000);
  await expect(panel).toHaveAttribute('data-call-state', 'active', { timeout: 20_000 });
  // The caller was heard (its 660 Hz tone) before its phone died.
  await expect.poll(async () => Math.abs((await desk.heardByDesk()).hz - 660), { timeout: 10_000 }).toBeLessThan(30);
  dying.kill();

  // 20 s without a sound from a call both sides send on: the call is dead, whatever signalling says.
  await expect(panel).toHaveAttribute('data-call-state', 'ended', { timeout: 35_000 });
  await expect(panel.getByText('Ended: the connection to the caller was lost (no sound came through)')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('ended-dead-media.png') });

  const next = call(4000);
  await expect(panel).toHaveAttribute('data-call-state', 'active', { timeout: 20_000 });
  await expect(page.locator('.waiting-banner')).toHaveCount(0);
  expect((await next.done).code).toBe(0);
});
