import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { CallerBot } from '../lab/caller-bot.ts';
import { openAdminSection } from './fixtures/admin.ts';
import { DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';
import { openSettings, saveSettingsSection } from './fixtures/settings.ts';

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let attacker: CallerBot;

/** Markup that runs a script if it is ever rendered as HTML; each one counts into window.__pwned. */
const IMG = '<img src=x onerror=window.__pwned=(window.__pwned||0)+1>';
const SCRIPT = '<script>window.__pwned=(window.__pwned||0)+1</script>';
const RLO = '\u202E';

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info);
  // A display name is whatever the caller's phone says: here, markup and a right-to-left override.
  attacker = await desk.bot('202', 880, `${IMG}${RLO}gnp.exe`);
});

test.afterAll(async () => {
  await desk?.stop();
});

const pwned = () => desk.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0);

test('a hostile display name and a hostile message are shown as text: no script runs, the text stays readable', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  await attacker.call(DESK_USER);
  await expect(panel).toHaveAttribute('data-call-state', /ringing|active/, { timeout: 15_000 });
  // The name shows as the characters it is, with the direction override taken out.
  await expect(panel.locator('.caller-name')).toHaveText(`${IMG}gnp.exe`);
  await attacker.hangup();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');

  await attacker.message(
    DESK_USER,
    JSON.stringify({
      id: randomUUID(),
      toExtension: DESK_USER,
      toName: SCRIPT,
      fromExtension: '202',
      fromName: `${IMG}Mallory`,
      createdAt: Date.now(),
      callerName: SCRIPT,
      organization: `${IMG}${RLO}Evil Ltd`,
      phone: '+30 210 1234567<script>',
      callBackAt: null,
      text: `First line ${IMG}\u0000\u0007\nSecond line ${RLO}${SCRIPT}`,
      urgency: 'urgent',
      mood: 'angry',
    }),
    'application/vnd.ringside.message+json',
  );
  await page.getByRole('button', { name: /^Messages/ }).click();
  const message = page.locator('.message-item').first();
  await expect(message.locator('.message-caller')).toContainText(SCRIPT);
  await expect(message.locator('.message-caller')).toContainText(`${IMG}Evil Ltd`);
  await expect(message.locator('.message-text')).toHaveText(`First line ${IMG}\nSecond line ${SCRIPT}`);
  await expect(message).not.toContainText(RLO);

  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  await expect(page.locator('.calls-table tbody tr').first()).toContainText(`${IMG}gnp.exe`);
  // Nothing was ever parsed as markup.
  expect(await page.locator('.content img[src="x"], .content script, .call-stage img[src="x"]').count()).toBe(0);
  expect(await pwned()).toBe(0);
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-hostile-strings.png') });
});

test('a hostile script file and a hostile contacts CSV are shown as text once imported: no script runs', async () => {
  const { page } = desk;
  // A script whose name, greeting and checklist carry markup, imported by an admin and put in use.
  const script = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/scripts/reception.en.json'), 'utf8')) as {
    id: string;
    name: string;
    stages: { say: string[]; checklist: { text: string }[] }[];
  };
  script.id = 'hostile';
  script.name = `${IMG}${RLO}Reception`;
  script.stages[0]!.say = [`Good morning ${SCRIPT} ${IMG}`];
  script.stages[0]!.checklist[0]!.text = `${IMG}Answered`;
  const scriptFile = join(desk.dir, 'hostile-script.json');
  writeFileSync(scriptFile, JSON.stringify(script));
  await openAdminSection(page, 'Call scripts');
  const panel = page.getByRole('region', { name: 'Call scripts' });
  await panel.getByLabel('Script file to import').setInputFiles(scriptFile);
  await expect(panel.getByRole('status')).toContainText(`Imported "${IMG}Reception"`);
  await openSettings(page, 'You & your office');
  await page.getByRole('combobox', { name: 'Script' }).selectOption('hostile:en');
  await saveSettingsSection(page);
  await attacker.call(DESK_USER);
  const scriptPanel = page.getByRole('region', { name: 'Call script' });
  await expect(scriptPanel).toContainText(`Good morning ${SCRIPT} ${IMG}`);
  await expect(scriptPanel).toContainText(`${IMG}Answered`);
  await attacker.hangup();
  await expect(page.locator('.call-panel')).toHaveAttribute('data-call-state', 'ended');

  // Contacts from a CSV with markup, an override, a formula and control characters.
  const csv = join(desk.dir, 'hostile.csv');
  writeFileSync(csv, `Name,Organization,Phone\r\n"${IMG}${RLO}Eve","=HYPERLINK(""http://evil"")\u0007",+302101112233\r\n`);
  await page.getByRole('button', { name: 'Contacts', exact: true }).click();
  await page.locator('input[type="file"]').setInputFiles(csv);
  await expect(page.getByText('1 imported, 0 updated, 0 rejected')).toBeVisible();
  const row = page.locator('table tbody tr', { hasText: '21 0111 2233' });
  await expect(row).toContainText(`${IMG}Eve`);
  await expect(row).not.toContainText(RLO);
  expect(await page.locator('.content img[src="x"], .content script, .call-stage img[src="x"]').count()).toBe(0);
  expect(await pwned()).toBe(0);
});
