import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { CallerBot } from '../lab/caller-bot.ts';
import { DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';
import { openSettings, saveSettingsSection } from './fixtures/settings.ts';

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let caller: CallerBot;

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info);
  caller = await desk.bot('201', 880, 'Prospect');
  const { page } = desk;
  await openSettings(page, 'You & your office');
  await page.getByLabel('Display name').fill('Maria');
  await page.getByLabel('Company (the greeting says it)').fill('Ventura');
  await page.getByLabel('Line of business').fill('window installation');
  await expect(page.getByLabel('Script')).toHaveValue('inbound-sales:en');
  await saveSettingsSection(page);
  const csv = join(desk.dir, 'contacts.csv');
  writeFileSync(csv, 'Name,Phone\r\nОльга,201\r\n');
  await page.getByRole('button', { name: 'Contacts', exact: true }).click();
  await page.locator('input[type="file"]').setInputFiles(csv);
  await expect(page.getByText('1 imported, 0 updated, 0 rejected')).toBeVisible();
});

test.afterAll(async () => {
  await desk?.stop();
});

function savedProgress(): { furthest_stage: string; progress: { answers: Record<string, string>; checklist: Record<string, string[]> } } | undefined {
  const db = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    const row = db.prepare('select furthest_stage, progress from call_progress order by updated_at desc limit 1').get() as { furthest_stage: string; progress: string } | undefined;
    return row && { furthest_stage: row.furthest_stage, progress: JSON.parse(row.progress) as never };
  } finally {
    db.close();
  }
}

test('during a call the agent walks through the sales script; what is typed is saved as the call goes', async () => {
  const { page } = desk;
  await caller.call(DESK_USER);
  await caller.waitForStatus('established', 15_000);
  const script = page.getByRole('region', { name: 'Call script' });
  await expect(script).toHaveAttribute('data-stage', 'greeting');
  await expect(script.locator('.script-say').first()).toHaveText('Good morning! Ventura, window installation. This is Maria. How can I help you?');
  await script.getByLabel('Said the company and my own name').check();

  await script.getByRole('button', { name: 'Next stage' }).click();
  await expect(script).toHaveAttribute('data-stage', 'request');
  await script.getByRole('textbox', { name: 'Name', exact: true }).fill('Ольга Петровна');
  await expect(script.getByLabel("Caller's name")).toHaveText('Ольга Петровна');
  await expect(script.locator('.script-say').nth(1)).toHaveText('Thank you, Ольга Петровна, for calling us.');
  await script.getByRole('group', { name: 'How did they hear of us?' }).getByRole('button', { name: 'Recommendation' }).click();

  await page.keyboard.press('Alt+ArrowRight');
  await expect(script).toHaveAttribute('data-stage', 'clarifying');
  await script.getByRole('textbox', { name: 'Budget' }).fill('5 000 €');
  await script.getByRole('button', { name: 'Price question' }).click();
  await expect(script).toHaveAttribute('data-stage', 'price');
  await script.getByLabel('Search FAQ and objections').fill('expensive');
  await expect(script.locator('.script-reference')).toContainText('It is expensive');
  await script.getByRole('button', { name: /^6\. Next step$/ }).click();
  await script.getByRole('group', { name: 'Lead temperature' }).getByRole('button', { name: 'Hot' }).click();

  await expect.poll(() => savedProgress()?.progress.answers['next-step.temperature']).toBe('hot');
  const saved = savedProgress()!;
  expect(saved.furthest_stage).toBe('next-step');
  expect(saved.progress.answers).toMatchObject({ 'request.name': 'Ольга Петровна', 'request.source': 'Recommendation', 'clarifying.budget': '5 000 €' });
  expect(saved.progress.checklist).toEqual({ greeting: ['company-and-name'] });
  // The answers went into the caller's card as they were typed (R28).
  const card = page.getByRole('complementary', { name: 'Client card' });
  await expect(card.locator('.card-name')).toHaveText('Ольга Петровна');
  await expect(card.locator('[data-profile="budget"]')).toHaveText('5 000 €');
  await expect(card.locator('[data-profile="temperature"]')).toHaveText('Hot');
  await expect(card.locator('[data-profile="source"]')).toHaveText('Recommendation');
  await page.screenshot({ path: test.info().outputPath('script-panel.png'), fullPage: true });
  await caller.hangup();

  // Wrap-up after hang-up (R23): outcome and next step, then the history shows them.
  const wrapUp = page.getByRole('form', { name: 'Wrap up the call with Ольга Петровна' });
  await wrapUp.getByLabel('Outcome').selectOption({ label: 'Meeting booked' });
  // The next step's day and time are chosen from lists named in the screen's language (en-GB), not typed into the browser's own date box.
  const now = new Date();
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 30);
  const tomorrowName = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }).format(tomorrow);
  const when = wrapUp.getByRole('group', { name: 'Next step — when' });
  await expect(when.getByLabel('Day')).toHaveValue('');
  await expect(when.getByLabel('Time')).toBeDisabled();
  await when.getByLabel('Day').selectOption({ label: `Tomorrow, ${tomorrowName}` });
  await expect(when.getByLabel('Time')).toHaveValue('10:00');
  await when.getByLabel('Time').selectOption({ label: '10:30' });
  await wrapUp.getByLabel('Next step — what').fill('Meeting at our office');
  await wrapUp.getByLabel('Next step — who').fill('Maria');
  await wrapUp.getByRole('button', { name: 'Save wrap-up' }).click();
  await expect(wrapUp).toHaveCount(0);
  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  const row = page.locator('.calls-table tbody tr').first();
  await expect(row.locator('[data-column="result"]')).toContainText('Meeting booked');
  const weekdayTime = new Intl.DateTimeFormat('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(tomorrow);
  await expect(page.locator('.tasks-panel .task').first()).toContainText(`due ${weekdayTime}`);
  await expect(row.locator('[data-column="result"]')).toHaveAttribute('data-furthest-stage', 'next-step');
  const db = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    const call = db.prepare('select outcome, next_step_at, next_step_what, next_step_who, wrap_up_done_at from calls order by invite_at desc limit 1').get() as Record<string, unknown>;
    expect(call).toMatchObject({ outcome: 'meeting-booked', next_step_at: tomorrow.getTime(), next_step_what: 'Meeting at our office', next_step_who: 'Maria' });
    expect(call.wrap_up_done_at).not.toBeNull();
  } finally {
    db.close();
  }
});

test('a crash (kill -9) in the middle of the call loses none of the fields already typed', async () => {
  const { page } = desk;
  await caller.call(DESK_USER);
  await caller.waitForStatus('established', 15_000);
  const script = page.getByRole('region', { name: 'Call script' });
  await script.getByRole('button', { name: /^2\. The request$/ }).click();
  await script.getByRole('textbox', { name: 'Organization' }).fill('Север');
  // Typing is saved a moment after the last key; then Ringside dies without warning.
  await expect.poll(() => savedProgress()?.progress.answers['request.organization']).toBe('Север');
  await desk.restartApp({ kill: true });
  await caller.hangup();
  expect(savedProgress()?.progress.answers['request.organization']).toBe('Север');
});

test('a new caller: the name typed in the script fills the new card, and saving the card keeps what the script captured', async () => {
  const { page } = desk;
  const stranger = await desk.bot('202', 660, 'Unknown');
  await stranger.call(DESK_USER);
  await stranger.waitForStatus('established', 15_000);
  const script = page.getByRole('region', { name: 'Call script' });
  await script.getByRole('button', { name: /^2\. The request$/ }).click();
  await script.getByRole('textbox', { name: 'Name', exact: true }).fill('Ηλίας Παπαδόπουλος');
  await script.getByRole('button', { name: /^3\. Clarifying the need$/ }).click();
  await script.getByRole('textbox', { name: 'Budget' }).fill('2 000 €');
  const card = page.getByRole('complementary', { name: 'Client card' });
  await expect(card.getByRole('textbox', { name: /^Name/ })).toHaveValue('Ηλίας Παπαδόπουλος');
  await card.getByRole('button', { name: 'Save card' }).click();
  await expect(card.locator('.card-name')).toHaveText('Ηλίας Παπαδόπουλος');
  await expect(card.locator('[data-profile="budget"]')).toHaveText('2 000 €');
  await stranger.hangup();
});

