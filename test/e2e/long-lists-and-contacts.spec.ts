import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import type { CallerBot } from '../lab/caller-bot.ts';
import { openAdminSection } from './fixtures/admin.ts';
import { DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let callers: CallerBot[];

test.beforeAll(async ({}, info) => {
  // Nobody answers: each call rings and the caller hangs up, as the quickest real call there is.
  desk = await startDeskLab(info, { ringPolicy: { answerOnRing: null } });
  // Three phones take turns: the desk limits how fast one source may call (INVITE flood guard).
  callers = [await desk.bot('201', 880, 'Mobile 201'), await desk.bot('202', 660, 'Mobile 202'), await desk.bot('203', 550, 'Mobile 203')];
});

test.afterAll(async () => {
  await desk?.stop();
});

/** One real call through Kamailio: it rings at the desk, and the caller hangs up (a missed call). */
async function missedCall(page: Page, caller: CallerBot): Promise<void> {
  await caller.call(DESK_USER);
  await expect(page.locator('.call-panel[data-call-state="ringing"]')).toHaveCount(1);
  await caller.hangup();
  await caller.waitForStatus('terminated');
}

/** Elements in the whole tab, once the ended calls have left the screen. */
async function domNodes(page: Page): Promise<number> {
  await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

test('a CSV row whose phone is not a number is reported by line, and nothing of it is imported', async () => {
  const { page } = desk;
  const csv = join(desk.dir, 'contacts.csv');
  writeFileSync(csv, 'Όνομα;Τηλέφωνο;Email;Κατηγορία;Σημειώσεις\r\nΔημήτρης;abc-not-a-number;;;\r\nΕλένη Γεωργίου;201;;;\r\n');
  await page.getByRole('button', { name: 'Contacts', exact: true }).click();
  await page.locator('input[type="file"]').setInputFiles(csv);
  const report = page.locator('.import-report');
  await expect(report).toContainText('1 imported, 0 updated, 1 rejected');
  await expect(report.getByRole('listitem')).toHaveText(['Line 2: the phone "abc-not-a-number" is not a number']);
  await expect(page.getByRole('row', { name: /Δημήτρης/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Ελένη Γεωργίου/ })).toHaveCount(1);
});

test('a contact is deleted only after confirming, the deletion is audited, and the call history keeps the call', async () => {
  const { page } = desk;
  const elena = callers[0] as CallerBot;
  await missedCall(page, elena);
  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  await expect(page.locator('.calls-table tbody tr').first()).toContainText('Ελένη Γεωργίου');

  await page.getByRole('button', { name: 'Contacts', exact: true }).click();
  await page.getByRole('button', { name: 'Delete Ελένη Γεωργίου' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Ελένη Γεωργίου?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Calls with this contact stay in the call history');
  await dialog.getByRole('button', { name: 'Keep' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Ελένη Γεωργίου/ })).toHaveCount(1);

  // From the open card, this time confirmed.
  await page.getByRole('row', { name: /Ελένη Γεωργίου/ }).getByRole('cell').first().click();
  await page.getByRole('button', { name: 'Delete contact…' }).click();
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('delete-contact-dialog.png') });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ελένη Γεωργίου was deleted.' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Edit contact' })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Ελένη Γεωργίου/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  const call = page.locator('.calls-table tbody tr').first();
  await expect(call).toContainText('Mobile 201');
  await expect(call).toContainText('Missed');
  await expect(call).not.toContainText('Ελένη Γεωργίου');

  await openAdminSection(page, 'Audit log');
  const entry = page.locator('.audit-table tbody tr', { hasText: 'Contact deleted' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Ελένη Γεωργίου (201), calls kept in the history: 1');
  // Who deleted it, as every screen names an agent: the SIP address without its scheme.
  await expect(entry).toContainText(`${DESK_USER}@127.0.0.1`);
});

test('the tab does not grow with the calls of a long day: 5,000 calls in the history and 100 real ones keep the DOM flat', async () => {
  const { page } = desk;
  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  const rows = page.locator('.calls-table tbody tr[data-call-id]');
  let made = 1;
  // Each phone calls at most once every 2 s, the pace the desk's flood guard lets one source keep up for good.
  const lastCallAt = new Map<CallerBot, number>();
  const callRound = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const caller = callers[made++ % callers.length] as CallerBot;
      await page.waitForTimeout(Math.max(0, (lastCallAt.get(caller) ?? 0) + 2100 - Date.now()));
      lastCallAt.set(caller, Date.now());
      await missedCall(page, caller);
    }
  };

  // The calls of the tests before (when run alone: none) count toward the first ten.
  await expect(page.locator('.calls-table').or(page.getByText('No calls yet'))).toBeVisible();
  await callRound(10 - (await rows.count()));
  await expect(rows).toHaveCount(10);
  const afterTen = await domNodes(page);

  // The rest of a long day (and the days before) as the database holds them: 5,000 calls.
  const sqlite = new Database(join(desk.app.dataDir, 'ringside.sqlite'));
  try {
    sqlite.pragma('busy_timeout = 5000');
    const columns = (sqlite.prepare('select name from pragma_table_info(?)').all('calls') as { name: string }[]).map((c) => c.name).filter((c) => !['id', 'invite_at', 'remote_display_name'].includes(c));
    const oldest = sqlite.prepare('select min(invite_at) as at from calls').get() as { at: number };
    const copy = sqlite.prepare(
      `insert into calls (id, invite_at, remote_display_name, ${columns.join(', ')}) select ?, ?, ?, ${columns.join(', ')} from calls order by invite_at limit 1`,
    );
    sqlite.transaction(() => {
      for (let i = 1; i <= 5000; i++) copy.run(`history-${i}`, oldest.at - i * 60_000, `History caller ${i}`);
    })();
  } finally {
    sqlite.close();
  }

  /** The newest row is the last call made: the list has caught up. */
  const lastCaller = () => `Mobile 20${1 + ((made - 1) % callers.length)}`;
  await callRound(10);
  await expect(rows.first()).toContainText(lastCaller());
  const afterTwenty = await domNodes(page);
  await callRound(80);
  await expect(rows.first()).toContainText(lastCaller());
  const afterHundred = await domNodes(page);
  const rendered = await rows.count();
  test.info().annotations.push({ type: 'DOM nodes', description: `after 10 calls ${afterTen}, after 20 (+5,000 stored) ${afterTwenty}, after 100 ${afterHundred}; ${rendered} call rows rendered of 500` });

  // Flat: 5,000 more calls in the history add at most a screenful of rows, and 80 more calls nothing.
  expect(afterHundred - afterTen).toBeLessThan(400);
  expect(Math.abs(afterHundred - afterTwenty)).toBeLessThan(60);
  // Only the rows in view (and a few either side) are in the DOM, not the 500 listed.
  expect(rendered).toBeLessThan(30);
  // The table still tells assistive technology how long the whole list is.
  await expect(page.locator('.calls-table')).toHaveAttribute('aria-rowcount', '501');

  // Older calls are still there: the list scrolls (by keyboard too) and renders them as they come into view.
  await page.locator('.list-scroller', { has: page.locator('.calls-table') }).focus();
  // The list holds the newest 500: the 100 real calls, then stored ones down to the 400th.
  await page.keyboard.press('End');
  await expect(rows.last()).toContainText('History caller 400');
  expect(await rows.count()).toBeLessThan(30);
  test.info().annotations.push({ type: 'row height', description: String((await rows.last().boundingBox())?.height) });
  await page.screenshot({ path: test.info().outputPath('calls-list-end.png') });
  await page.keyboard.press('Home');
  await expect(rows.first()).toContainText(lastCaller());
});
