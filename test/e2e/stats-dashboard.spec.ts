import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { CallerBot } from '../lab/caller-bot.ts';
import { ADMIN_PIN, openAdmin, openAdminSection } from './fixtures/admin.ts';
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

test('a supervisor scores a recorded call with a comment at 0:05; the agent sees the score and the comment', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  await caller.call(DESK_USER);
  await caller.waitForStatus('established', 15_000);
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await page.waitForTimeout(7000);
  await caller.hangup();
  const wrapUp = page.locator('form.wrap-up');
  await wrapUp.getByLabel('Outcome').selectOption({ label: 'Offer sent' });
  await wrapUp.getByRole('button', { name: 'Save wrap-up' }).click();
  await expect(wrapUp).toHaveCount(0);

  // The supervisor: Scoring → Score calls, behind the admin PIN.
  await page.getByRole('button', { name: 'Scoring', exact: true }).click();
  await expect(page.getByText('None of your calls has been scored yet.')).toBeVisible();
  await page.getByRole('tab', { name: 'Score calls' }).click();
  await page.getByLabel('Admin PIN', { exact: true }).fill(ADMIN_PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // The newest recorded call first.
  const row = page.locator('.scoring-table tbody tr[data-scored="false"]').first();
  await row.getByRole('button', { name: 'Open' }).click();
  const scoring = page.locator('.score-call');
  await expect(scoring.locator('.recording-player')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  // What Ringside knows, and what it prefills: the caller hung up first, no next step was set.
  await expect(scoring.locator('[data-signal="hung-up"]')).toHaveText('the caller');
  await expect(scoring.locator('[data-signal="next-step"]')).toHaveText('No');
  await expect(scoring.locator('tr[data-item="goodbye"]')).toHaveAttribute('data-answer', 'yes');
  await expect(scoring.locator('tr[data-item="next-step"]')).toHaveAttribute('data-answer', 'no');
  await expect(scoring.locator('tr[data-item="hold"]')).toHaveAttribute('data-answer', 'na');
  const answer = (item: string, choice: 'Yes' | 'No' | 'N/A') => scoring.locator(`tr[data-item="${item}"]`).getByRole('radio', { name: choice }).click();
  await answer('greeting', 'Yes');
  await answer('name', 'No');
  await answer('introduced', 'Yes');
  await expect(scoring.locator('.score-total')).toContainText('Score:');
  const form = scoring.getByRole('form', { name: 'Add comment' });
  await form.getByLabel('At (m:ss)').fill('0:05');
  await form.getByPlaceholder('What you heard at this moment').fill('Greeting without the company’s line of business');
  await form.getByRole('button', { name: 'Add comment' }).click();
  await expect(scoring.locator('.score-comments li[data-at-ms="5000"]')).toContainText('0:05 Greeting without the company’s line of business');
  // The comment is pinned on the waveform.
  await expect(scoring.locator('.recording-player')).toContainText('0:05');
  await scoring.getByLabel('Summary for the agent').fill('Warm and quick; ask for the name next time.');
  await scoring.getByRole('button', { name: 'Save score' }).click();
  await expect(page.getByText('Score saved.')).toBeVisible();
  const percent = await scoring.locator('.score-total').getAttribute('data-score');
  expect(Number(percent)).toBeGreaterThan(0);
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-scoring.png'), fullPage: true });

  // Averages: one scored call for this agent.
  await page.getByRole('tab', { name: 'Averages' }).click();
  const agentRow = page.locator(`.score-averages tr[data-agent="sip:${DESK_USER}@127.0.0.1"]`);
  await expect(agentRow.locator('[data-column="scored"]')).toHaveText('1');
  await expect(agentRow.locator('[data-column="average"]')).toHaveText(`${percent}%`);
  await expect(page.getByRole('region', { name: 'Trend by week' }).locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-score-averages.png'), fullPage: true });

  // The agent, without the PIN, sees their scored call, the comment and the summary, read-only.
  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('button', { name: 'Lock admin' }).click();
  await page.getByRole('button', { name: 'Scoring', exact: true }).click();
  await page.getByRole('tab', { name: 'My scored calls' }).click();
  const mine = page.locator('.scoring-table tbody tr[data-scored="true"]');
  await expect(mine).toHaveCount(1);
  await expect(mine.locator('[data-column="score"]')).toHaveText(`${percent}%`);
  await mine.getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('.score-comments li[data-at-ms="5000"]')).toContainText('Greeting without the company’s line of business');
  await expect(page.locator('.score-summary')).toHaveText('Warm and quick; ask for the name next time.');
  await expect(page.locator('tr[data-item="name"]').getByRole('radio', { name: 'No' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save score' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Score calls' }).click();
  await expect(page.getByText('Scoring and averages are for supervisors: enter the admin PIN.')).toBeVisible();

  const database = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    expect(database.prepare('select percent, failed_critical, summary from call_scores').all()).toEqual([{ percent: Number(percent), failed_critical: 0, summary: 'Warm and quick; ask for the name next time.' }]);
    expect(database.prepare('select at_ms, text from score_comments').all()).toEqual([{ at_ms: 5000, text: 'Greeting without the company’s line of business' }]);
  } finally {
    database.close();
  }
});

test('a supervisor scores a practice call: it shows as practice, the averages and statistics do not move, and the trainee sees the feedback', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  const agentRow = page.locator(`.score-averages tr[data-agent="sip:${DESK_USER}@127.0.0.1"]`);
  const stat = (key: string) => page.locator(`.stats-figures [data-stat="${key}"]`);
  await page.getByRole('button', { name: 'Statistics', exact: true }).click();
  await expect(stat('incoming')).toHaveText(/^\d+$/);
  const statsBefore = { incoming: await stat('incoming').innerText(), answered: await stat('answered').innerText() };
  await openAdmin(page);
  await page.getByRole('button', { name: 'Scoring', exact: true }).click();
  await page.getByRole('tab', { name: 'Averages' }).click();
  await expect(agentRow.locator('[data-column="scored"]')).toHaveText('1');
  const averageBefore = await agentRow.locator('[data-column="average"]').innerText();

  // A rehearsal long enough to comment on.
  await page.getByRole('button', { name: 'Practice call' }).click();
  await panel.getByRole('button', { name: /Answer/ }).click();
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await page.waitForTimeout(4000);
  await panel.getByRole('button', { name: /Hang up/ }).click();
  await page.locator('form.wrap-up').getByLabel('Outcome').selectOption({ label: 'Sold' });
  await page.locator('form.wrap-up').getByRole('button', { name: 'Save wrap-up' }).click();

  // Practice calls are listed only when asked for, each marked.
  await page.getByRole('button', { name: 'Scoring', exact: true }).click();
  await page.getByRole('tab', { name: 'Score calls' }).click();
  const practiceRows = page.locator('.scoring-table tbody tr[data-practice="true"]');
  await expect(page.locator('.scoring-table tbody tr[data-call-id]').first()).toBeVisible();
  await expect(practiceRows).toHaveCount(0);
  await page.getByLabel('Include practice calls').check();
  const rehearsal = practiceRows.first();
  await expect(rehearsal).toHaveAttribute('data-scored', 'false');
  await expect(rehearsal.locator('.practice-badge')).toHaveText('Practice');
  await rehearsal.getByRole('button', { name: 'Open' }).click();
  const scoring = page.locator('.score-call[data-practice="true"]');
  await expect(scoring.locator('.recording-player')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(scoring.locator('.score-practice-note .practice-badge')).toHaveText('Practice');
  await expect(scoring.locator('.score-practice-note')).toContainText('Practice call: the score is feedback on a rehearsal and is not counted in the averages.');
  const answer = (item: string, choice: 'Yes' | 'No') => scoring.locator(`tr[data-item="${item}"]`).getByRole('radio', { name: choice }).click();
  await answer('greeting', 'Yes');
  await answer('name', 'No');
  await answer('questions', 'No');
  await answer('introduced', 'Yes');
  const form = scoring.getByRole('form', { name: 'Add comment' });
  await form.getByLabel('At (m:ss)').fill('0:02');
  await form.getByPlaceholder('What you heard at this moment').fill('Ask for the caller’s name here');
  await form.getByRole('button', { name: 'Add comment' }).click();
  await scoring.getByLabel('Summary for the agent').fill('Good start for a first rehearsal.');
  await scoring.getByRole('button', { name: 'Save score' }).click();
  await expect(page.getByText('Score saved.')).toBeVisible();
  const percent = await scoring.locator('.score-total').getAttribute('data-score');
  expect(percent).not.toBe(averageBefore.replace('%', ''));
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Scored' });
  await expect(practiceRows).toHaveCount(1);
  await expect(rehearsal).toHaveAttribute('data-scored', 'true');
  await expect(rehearsal.locator('[data-column="score"]')).toHaveText(`${percent}%`);
  const viewport = page.viewportSize();
  for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await rehearsal.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(desk.dir, '..', `ringside-scoring-practice-${size.width}.png`) });
  }
  if (viewport) await page.setViewportSize(viewport);

  // The averages and the statistics stay as they were.
  await page.getByRole('tab', { name: 'Averages' }).click();
  await expect(page.getByText('Scores of practice calls are not counted here.')).toBeVisible();
  await expect(agentRow.locator('[data-column="scored"]')).toHaveText('1');
  await expect(agentRow.locator('[data-column="average"]')).toHaveText(averageBefore);
  await page.getByRole('button', { name: 'Statistics', exact: true }).click();
  await expect(stat('incoming')).toHaveText(statsBefore.incoming);
  await expect(stat('answered')).toHaveText(statsBefore.answered);

  // The trainee, without the PIN, finds the rehearsal's score, comment and summary, marked practice.
  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('button', { name: 'Lock admin' }).click();
  await page.getByRole('button', { name: 'Scoring', exact: true }).click();
  await page.getByRole('tab', { name: 'My scored calls' }).click();
  const mine = page.locator('.scoring-table tbody tr[data-practice="true"]');
  await expect(mine).toHaveCount(1);
  await expect(page.locator('.scoring-table tbody tr[data-practice="false"]')).toHaveCount(1);
  await expect(mine.locator('.practice-badge')).toHaveText('Practice');
  await expect(mine.locator('[data-column="score"]')).toHaveText(`${percent}%`);
  await mine.getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('.score-call .score-practice-note')).toBeVisible();
  await expect(page.locator('.score-comments li[data-at-ms="2000"]')).toContainText('Ask for the caller’s name here');
  await expect(page.locator('.score-summary')).toHaveText('Good start for a first rehearsal.');
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-scoring-practice-agent.png'), fullPage: true });

  const database = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    expect(database.prepare('select calls.practice, call_scores.percent from call_scores join calls on calls.id = call_scores.call_id order by calls.practice').all()).toEqual([
      { practice: 0, percent: Number(averageBefore.replace('%', '')) },
      { practice: 1, percent: Number(percent) },
    ]);
  } finally {
    database.close();
  }
});

test('an admin edits the office’s scorecard: new scores use it, a call scored before keeps the card it was scored with', async () => {
  const { page } = desk;
  await openAdminSection(page, 'Scorecard');
  const editor = page.getByRole('form', { name: 'Scorecard' });
  await expect(page.getByText('Ringside’s scorecard is in use. Your changes become the office’s own.')).toBeVisible();
  await editor.locator('tr[data-item="ring"]').getByLabel('What the supervisor checks').fill('Picked up on ring 2 or 3 (our rule)');
  await editor.getByRole('button', { name: 'Add item' }).click();
  const added = editor.locator('tbody tr').last();
  await editor.getByRole('button', { name: 'Save scorecard' }).click();
  // A new item without its text is refused, naming the place.
  await expect(editor.getByRole('alert')).toContainText('items.17.text');
  await added.getByLabel('What the supervisor checks').fill('Offered the loyalty card');
  await added.getByLabel('Points').fill('2');
  await editor.getByRole('button', { name: 'Save scorecard' }).click();
  await expect(page.getByText('Scorecard saved.')).toBeVisible();
  await expect(page.getByText('The office’s own scorecard is in use.')).toBeVisible();
  await editor.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-scorecard-editor.png') });

  await page.getByRole('button', { name: 'Scoring', exact: true }).click();
  await page.getByRole('tab', { name: 'Score calls' }).click();
  await page.locator('.scoring-table tbody tr[data-scored="false"]').first().getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('.score-call')).toContainText('Offered the loyalty card');
  await expect(page.locator('.score-call tr[data-item="ring"]')).toContainText('Picked up on ring 2 or 3 (our rule)');
  // Each item says what it means; its rule id (R1…R32) stays in the docs.
  expect(await page.locator('.score-call .scorecard-table').innerText()).not.toMatch(/\bR\d{1,2}\b/);
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Scored' });
  await page.locator('.scoring-table tbody tr[data-scored="true"]').first().getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('.score-call tr[data-item="ring"]')).toContainText('Picked up on the 2nd–3rd ring');
  await expect(page.locator('.score-call')).not.toContainText('Offered the loyalty card');

  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('button', { name: 'Back to Ringside’s scorecard' }).click();
  await expect(page.getByText('Ringside’s scorecard is in use. Your changes become the office’s own.')).toBeVisible();
  const database = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    expect(database.prepare("select count(*) as n from audit_log where action = 'scorecard-saved'").get()).toEqual({ n: 2 });
  } finally {
    database.close();
  }
});
