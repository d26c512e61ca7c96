import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { CallerBot } from '../lab/caller-bot.ts';
import { writeFileSync } from 'node:fs';
import { AGENT_TONE_HZ, COLLEAGUE_USER, DESK_USER, startDeskLab, type ColleagueDesk, type DeskLab } from './fixtures/desk-lab.ts';

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let caller: CallerBot;
let colleague: CallerBot;
/** Colleague B's own Ringside (extension 102), started by the first test that needs it. */
let b: ColleagueDesk | null = null;
const colleagueDesk = async () => (b ??= await desk.colleagueDesk('Nikos (sales)'));

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info);
  caller = await desk.bot('201', 880, 'Client');
  colleague = await desk.bot('203', 660, 'Colleague B');
});

test.afterAll(async () => {
  await desk?.stop();
});

function transfers(): { target: string; kind: string; result: string; detail: string }[] {
  const database = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    return database.prepare('select target, kind, result, detail from transfers order by at').all() as never;
  } finally {
    database.close();
  }
}

test('blind transfer: after a check, the caller ends up talking to colleague B (audio verified) and this desk is free', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  await caller.call(DESK_USER);
  await caller.waitForStatus('established', 15_000);
  await expect(panel).toHaveAttribute('data-call-state', 'active');

  await page.keyboard.press('Alt+T');
  const form = page.getByRole('form', { name: 'Transfer the caller' });
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByLabel('Colleague’s extension or a number').fill('203');
  await form.getByLabel('Put through now (blind)').check();
  await form.getByRole('button', { name: 'Transfer', exact: true }).click();
  await expect(form).toContainText('Transfer the caller to 203 now?');
  await form.getByRole('button', { name: 'Transfer now' }).click();

  await colleague.waitForStatus('incoming', 15_000);
  await colleague.answer();
  await expect.poll(async () => Math.round((await caller.peakFrequencyOfRemote()).hz / 20) * 20, { timeout: 15_000 }).toBe(660);
  await expect(panel).toHaveAttribute('data-call-state', 'ended');
  await expect(panel).toContainText('Transferred');
  await expect.poll(() => transfers()).toEqual([{ target: '203', kind: 'blind', result: 'completed', detail: '' }]);
  await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });
  await caller.hangup();
  await colleague.waitForStatus('terminated');
});

test('a transfer nobody takes keeps the caller with the desk and says why; the second transfer of the call warns (R20)', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  await caller.call(DESK_USER);
  await caller.waitForStatus('established', 15_000);
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await panel.getByRole('button', { name: /Transfer/ }).click();
  const form = page.getByRole('form', { name: 'Transfer the caller' });
  await form.getByLabel('Colleague’s extension or a number').fill('299');
  await form.getByLabel('Put through now (blind)').check();
  await form.getByRole('button', { name: 'Transfer', exact: true }).click();
  await form.getByRole('button', { name: 'Transfer now' }).click();
  await expect(panel.getByRole('alert')).toContainText('299 did not take the call (404 Not Found): the caller is still with you.');
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  expect(Math.abs((await caller.peakFrequencyOfRemote()).hz - 440)).toBeLessThan(40);

  await panel.getByRole('button', { name: /Transfer/ }).click();
  await expect(form.getByRole('alert')).toContainText('a third redirect loses most callers');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-transfer.png') });
  await caller.hangup();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');
  expect(transfers().at(-1)).toEqual({ target: '299', kind: 'blind', result: 'failed', detail: '404 Not Found' });
});

test('outgoing calls: from the dial box and from the history, with the same card, recording and history as incoming ones', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  await page.getByLabel('Call a number or extension').fill('203');
  await page.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(panel).toHaveAttribute('data-call-state', 'dialing');
  await expect(panel).toContainText(/Calling…|Ringing at the other end…/);
  await colleague.waitForStatus('incoming', 15_000);
  await colleague.answer();
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await expect(panel.locator('.recording-indicator')).toHaveText('Recording');
  expect(Math.abs((await colleague.peakFrequencyOfRemote()).hz - 440)).toBeLessThan(40);
  expect(Math.abs((await desk.heardByDesk()).hz - 660)).toBeLessThan(40);
  await page.keyboard.press('Alt+H');
  await expect(panel).toHaveAttribute('data-call-state', 'ended');
  await colleague.waitForStatus('terminated');

  // Calling back from the history, and a refusal: the colleague declines.
  const row = page.locator('.calls-table tbody tr').first();
  await expect(row).toContainText('203');
  await row.getByRole('button', { name: 'Call back' }).click();
  await colleague.waitForStatus('incoming', 15_000);
  await colleague.page.evaluate(() => (window as unknown as { __lab: { decline(): Promise<void> } }).__lab.decline());
  await expect(panel).toHaveAttribute('data-call-state', 'ended');
  await expect(panel).toContainText('Declined');

  const database = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    // The screen shows the end first; the row follows a moment later (the write is not awaited before the screen is told).
    const rows = () => database.prepare("select status, end_reason, remote_number from calls where direction = 'outbound' order by invite_at").all();
    await expect
      .poll(rows)
      .toEqual([
        { status: 'answered', end_reason: 'agent-hung-up', remote_number: '203' },
        { status: 'rejected', end_reason: 'declined', remote_number: '203' },
      ]);
    const recorded = database.prepare("select count(*) as n from recordings r join calls c on c.id = r.call_id where c.direction = 'outbound' and r.status = 'final'").get() as { n: number };
    expect(recorded.n).toBe(1);
  } finally {
    database.close();
  }
});

test('warm transfer: the caller waits on hold while B’s screen shows A’s note and the client card before B answers; cancel brings the caller back to A, completing puts them through to B', async () => {
  const { page } = desk;
  const b = await colleagueDesk();
  const csv = join(desk.dir, 'office-contacts.csv');
  writeFileSync(csv, 'Name,Organization,Phone\r\nЕлена Петрова,Ventura Home,201\r\n');
  await b.page.getByRole('button', { name: 'Contacts', exact: true }).click();
  await b.page.locator('input[type="file"]').setInputFiles(csv);
  await expect(b.page.getByText('1 imported, 0 updated, 0 rejected')).toBeVisible();

  const panel = page.locator('.call-panel');
  await caller.call(DESK_USER);
  await caller.waitForStatus('established', 15_000);
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  const talking = await caller.peakFrequencyOfRemote();

  const consult = async () => {
    await page.keyboard.press('Alt+T');
    const form = page.getByRole('form', { name: 'Transfer the caller' });
    await form.getByLabel('Colleague’s extension or a number').fill(COLLEAGUE_USER);
    await expect(form.getByLabel('Caller’s number')).toHaveValue('201');
    await form.getByLabel('Who is calling').fill('Елена Петрова');
    await form.getByLabel('Why they call').fill('Wants a quote for 12 windows');
    await form.getByLabel('What was already discussed').fill('Budget about €3,000.\nPrefers white PVC.');
    await form.getByRole('button', { name: 'Call the colleague' }).click();
  };

  // 1. Consult, then go back to the caller.
  await consult();
  const bPanel = b.page.locator('.call-panel');
  await expect(bPanel).toHaveAttribute('data-call-state', 'ringing', { timeout: 15_000 });
  const note = b.page.getByRole('region', { name: 'Hand-off from Reception' });
  await expect(note).toContainText('Елена Петрова · 201');
  await expect(note).toContainText('Wants a quote for 12 windows');
  await expect(note).toContainText('Prefers white PVC.');
  await expect(bPanel.locator('.caller-name')).toHaveText('Елена Петрова');
  await expect(b.page.locator('.client-card')).toContainText('Ventura Home');
  expect((await caller.peakFrequencyOfRemote()).db).toBeLessThan(talking.db - 25);
  await b.page.screenshot({ path: join(desk.dir, '..', 'ringside-handoff.png') });
  await bPanel.getByRole('button', { name: /Answer/ }).click();
  const held = page.locator('.held-banner');
  await expect(held).toContainText('is on hold while you talk to 102');
  // Talking to the colleague: the call bar says so in words and in its own colour, the waiting caller above it.
  await expect(panel).toHaveAttribute('data-bar-state', 'consulting');
  await expect(panel.locator('.call-bar-words')).toContainText('Consulting a colleague · ');
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-consulting.png') });
  await expect(held.getByRole('button', { name: 'Put the caller through' })).toBeEnabled();
  await held.getByRole('button', { name: 'Back to the caller' }).click();
  await expect(bPanel).toHaveAttribute('data-call-state', 'ended');
  await expect(held).toHaveCount(0);
  await expect.poll(async () => Math.abs((await caller.peakFrequencyOfRemote()).hz - AGENT_TONE_HZ), { timeout: 10_000 }).toBeLessThan(40);

  // 2. The second transfer of the call warns (R20); this time the caller is put through.
  await page.keyboard.press('Alt+T');
  await expect(page.getByRole('form', { name: 'Transfer the caller' }).getByRole('alert')).toContainText('a third redirect loses most callers');
  await page.keyboard.press('Alt+T');
  await consult();
  await expect(bPanel).toHaveAttribute('data-call-state', 'ringing', { timeout: 15_000 });
  await expect(note).toContainText('Transferred 1 time already');
  await bPanel.getByRole('button', { name: /Answer/ }).click();
  await held.getByRole('button', { name: 'Put the caller through' }).click();
  await expect.poll(async () => Math.round((await caller.peakFrequencyOfRemote()).hz / 20) * 20, { timeout: 15_000 }).toBe(660);
  await expect(page.locator('.call-panel[data-call-state="active"]')).toHaveCount(0, { timeout: 10_000 });
  await expect(b.page.locator('.call-panel[data-call-state="active"] .caller-name')).toHaveText('Елена Петрова');
  await expect(note).toContainText('Wants a quote for 12 windows');
  expect(Math.abs((await caller.peakFrequencyOfRemote()).hz - 660)).toBeLessThan(40);
  await caller.hangup();
  await expect(b.page.locator('.call-panel[data-call-state="active"]')).toHaveCount(0, { timeout: 10_000 });
  await expect.poll(() => transfers().filter((r) => r.kind === 'warm').map((r) => r.result)).toEqual(['cancelled', 'completed']);

  // One recording per call leg, each leg findable from the other (R29): on A the caller's call and
  // the consult call, linked by the transfer; on B the consult call and the caller's call that replaced it.
  const finalRecordings = (dataDir: string, sql: string) => {
    const database = new Database(join(dataDir, 'ringside.sqlite'), { readonly: true });
    try {
      return database.prepare(sql).all();
    } finally {
      database.close();
    }
  };
  await expect
    .poll(() =>
      finalRecordings(
        desk.app.dataDir,
        "select (select count(*) from recordings r where r.call_id = t.call_id and r.status = 'final') as caller_leg, (select count(*) from recordings r where r.call_id = t.consult_call_id and r.status = 'final') as consult_leg from transfers t where t.kind = 'warm' and t.result = 'completed'",
      ),
    )
    .toEqual([{ caller_leg: 1, consult_leg: 1 }]);
  await expect
    .poll(() => finalRecordings(b.app.dataDir, "select c.remote_number, count(r.id) as recordings from calls c join recordings r on r.call_id = c.id and r.status = 'final' group by c.id order by c.invite_at"))
    .toEqual([
      { remote_number: DESK_USER, recordings: 1 },
      { remote_number: DESK_USER, recordings: 1 },
      { remote_number: '201', recordings: 1 },
    ]);
});

test('a message taken on A for B, who is offline, waits as pending and reaches B’s inbox with every field when B is back', async () => {
  const { page } = desk;
  const colleagueB = await colleagueDesk();
  await colleagueB.goOffline();

  await page.getByRole('button', { name: 'Messages', exact: true }).click();
  await page.getByRole('button', { name: 'Take a message' }).click();
  const form = page.getByRole('form', { name: 'Message for a colleague' });
  await form.getByLabel('For (extension)').fill(COLLEAGUE_USER);
  await form.getByLabel('Colleague’s name').fill('Nikos');
  await form.getByLabel('Who called').fill('Ольга Смирнова');
  await form.getByLabel('Organization').fill('Ventura Home');
  await form.getByLabel('Phone').fill('+7 (495) 123-45-67');
  // The day after tomorrow at 15:30, chosen from lists in the screen's language; shown back as the desk shows a moment.
  const now = new Date();
  const callBackAt = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 2, 15, 30);
  const callBackDay = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }).format(callBackAt);
  const callBackText = `call back ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(callBackAt)}`;
  const when = form.getByRole('group', { name: 'When to call back' });
  await when.getByLabel('Day').selectOption({ label: callBackDay });
  await when.getByLabel('Time').selectOption({ label: '15:30' });
  await form.getByLabel('The message, word for word').fill('Please call back about the contract.\nShe is free after 3 pm.');
  await form.getByLabel('Urgency').selectOption('urgent');
  await form.getByLabel('The caller’s mood').selectOption('upset');
  await form.getByRole('button', { name: 'Read it back to the caller' }).click();
  const readBack = page.getByRole('region', { name: 'Message for a colleague' });
  // Read back as written in the international form: the office's region is GR, the number Russian.
  await expect(readBack).toContainText('Ольга Смирнова, Ventura Home · +7 495 123 45 67');
  await expect(readBack).toContainText('«Please call back about the contract.');
  await expect(readBack).toContainText(callBackText);
  await readBack.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('button', { name: 'Taken by me' }).click();
  const sent = page.locator('.message-item').first();
  await expect(sent).toHaveAttribute('data-status', 'pending');
  await expect(sent).toContainText('Pending — will be delivered when they are back online');

  await colleagueB.comeBack();
  await expect(sent).toHaveAttribute('data-status', 'delivered', { timeout: 60_000 });
  const bPage = colleagueB.page;
  await expect(bPage.locator('.nav-badge')).toHaveText('1');
  await bPage.getByRole('button', { name: /^Messages/ }).click();
  const received = bPage.locator('.message-item').first();
  await expect(received).toHaveAttribute('data-status', 'new');
  await expect(received).toContainText('From Reception');
  await expect(received).toContainText('Ольга Смирнова, Ventura Home · +7 495 123 45 67');
  await expect(received).toContainText(callBackText);
  await expect(received).toContainText('Upset');
  await expect(received.locator('.urgent-badge')).toHaveText('Urgent');
  await expect(received.locator('.message-text')).toHaveText('Please call back about the contract.\nShe is free after 3 pm.');
  await bPage.screenshot({ path: join(desk.dir, '..', 'ringside-inbox.png') });
  await received.getByRole('button', { name: 'Called back' }).click();
  await expect(received).toHaveAttribute('data-status', 'called-back');
  await expect(received).toContainText('Nikos (sales)');
  await expect(bPage.locator('.nav-badge')).toHaveCount(0);
});

test('a missed call becomes a call-back task; one click calls back and the new call is linked to the task', async () => {
  const { page } = desk;
  const panel = page.locator('.call-panel');
  await colleague.call(DESK_USER);
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  await colleague.hangup();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');
  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  const missed = page.locator('.calls-table tbody tr', { hasText: 'Missed' }).first();
  await missed.getByRole('button', { name: 'Call-back task' }).click();
  const task = page.locator('.tasks-panel .task').first();
  await expect(task).toContainText('203');
  await expect(task).toContainText('missed call');
  await expect(task).toHaveAttribute('data-overdue', 'false');
  await task.getByRole('button', { name: 'Call back' }).click();
  await colleague.waitForStatus('incoming', 15_000);
  await colleague.answer();
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await page.keyboard.press('Alt+H');
  await expect(page.locator('.tasks-panel .task')).toHaveCount(0);
  const database = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    const row = database.prepare("select t.status, t.origin_id, c.direction, c.remote_number from callback_tasks t join calls c on c.id = t.callback_call_id").get();
    expect(row).toMatchObject({ status: 'done', direction: 'outbound', remote_number: '203' });
  } finally {
    database.close();
  }
});

test('colleagues directory: who handles what, and, on a PBX without busy lamps, B’s own Ringside status next to B’s name on A — available, away, offline, back', async () => {
  const { page } = desk;
  const colleagueB = await colleagueDesk();
  const addColleague = async (on: typeof page, name: string, extension: string, role: string, handles: string) => {
    await on.getByRole('button', { name: 'Colleagues', exact: true }).click();
    await on.getByRole('button', { name: 'Add colleague' }).click();
    const form = on.getByRole('form', { name: 'Add colleague' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Extension').fill(extension);
    await form.getByLabel('Role').fill(role);
    await form.getByLabel('Handles (what to transfer to them)').fill(handles);
    await form.getByRole('button', { name: 'Save' }).click();
  };
  await addColleague(page, 'Nikos', COLLEAGUE_USER, 'Sales', 'quotes and offers');
  await addColleague(colleagueB.page, 'Reception', DESK_USER, 'Front desk', 'everything else');
  const nikos = page.locator(`.colleagues-table tr[data-extension="${COLLEAGUE_USER}"]`);
  await expect(nikos).toContainText('quotes and offers');
  await expect(nikos).toHaveAttribute('data-presence', 'available', { timeout: 15_000 });
  // This PBX has no busy lamps (it refuses SUBSCRIBE for dialog events): B's Ringside alone tells.
  await expect.poll(() => desk.app.output(), { timeout: 10_000 }).toMatch(/No busy lamp from the phone system for this extension.*"extension":"102"/);
  await expect(nikos).toHaveAttribute('data-line', 'unknown');
  await colleagueB.page.getByRole('button', { name: 'Away', exact: true }).click();
  await expect(nikos).toHaveAttribute('data-presence', 'away', { timeout: 15_000 });
  await expect(nikos).toContainText('Away');
  await colleagueB.goOffline();
  await expect(nikos).toHaveAttribute('data-presence', 'offline', { timeout: 15_000 });
  await colleagueB.comeBack();
  await expect(nikos).toHaveAttribute('data-presence', 'away', { timeout: 15_000 });
  await colleagueB.page.getByRole('button', { name: 'Available', exact: true }).click();
  await expect(nikos).toHaveAttribute('data-presence', 'available', { timeout: 15_000 });
  await page.screenshot({ path: join(desk.dir, '..', 'ringside-colleagues.png') });
});
