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

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info, { rtpengine: true, ringPolicy: { answerOnRing: 1, ringOnMs: 1000, ringOffMs: 1000 } });
});

test.afterAll(async () => {
  await desk?.stop();
});

test('after a registrar restart mid-call, the caller hanging up ends the call on the desk and the next call is answered by itself', async () => {
  const { page, lab, ports } = desk;
  const panel = page.locator('.call-panel');
  const call = (hangupAfterMs: number) =>
    startSippCall({ labDir: join(desk.dir, 'lab'), kamailioSipPort: ports.sip, localPort: ports.sippLocal, mediaPort: ports.sippMedia, target: DESK_USER, toneHz: 660, hangupAfterMs });

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
