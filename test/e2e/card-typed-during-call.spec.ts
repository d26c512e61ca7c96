import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
/** Requests the window sent to main, by method, counted from the WebSocket frames. */
const sent = new Map<string, number>();

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info);
  const { page } = desk;
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const method = /"method":"([^"]+)"/.exec(String(payload))?.[1];
      if (method) sent.set(method, (sent.get(method) ?? 0) + 1);
    }),
  );
  // The socket opened before the listener: open the page again so its frames are counted.
  await page.reload();
  await expect(page.getByText(`Registered as ${DESK_USER}`)).toBeVisible({ timeout: 20_000 });
});

test.afterAll(async () => {
  await desk?.stop();
});

interface StoredCard {
  contact: { id: string; name: string; organization: string; notes: string; budget: string } | undefined;
  callContactId: string | null;
}

/** The contact with that name, and the contact the latest call is linked to, straight from the SQLite file. */
function stored(name: string): StoredCard {
  const db = new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    const contact = db.prepare('select id, name, organization, notes, budget from contacts where name = ?').get(name) as StoredCard['contact'];
    const call = db.prepare('select contact_id from calls order by invite_at desc limit 1').get() as { contact_id: string | null };
    return { contact, callContactId: call.contact_id };
  } finally {
    db.close();
  }
}

async function expectOnContactsScreen(name: string, organization: string) {
  const { page } = desk;
  await page.getByRole('button', { name: 'Contacts', exact: true }).click();
  const screen = page.getByRole('region', { name: 'Contacts' });
  await screen.getByRole('searchbox', { name: 'Search contacts' }).fill(name);
  await expect(screen).toContainText(name);
  await expect(screen).toContainText(organization);
}

test('what is typed into a new caller\'s card, and what the script captured, is a contact after the caller hangs up', async () => {
  const { page } = desk;
  const caller = await desk.bot('202', 660, 'Unknown');
  await caller.call(DESK_USER);
  await caller.waitForStatus('established', 15_000);
  const card = page.getByRole('complementary', { name: 'Client card' });
  await expect(card.getByRole('heading', { name: 'New client card' })).toBeVisible();
  await card.getByRole('textbox', { name: /^Name/ }).pressSequentially('Δημήτρης Καλογεράκης', { delay: 20 });
  await card.getByLabel('Organization').pressSequentially('Καλογεράκης ΟΕ', { delay: 20 });
  await card.getByLabel('Notes').pressSequentially('Θέλει προσφορά για 12 παράθυρα', { delay: 20 });
  await expect(card.getByRole('status')).toHaveText('Saved as you type: the card is in Contacts already.');

  // The script saves its progress when typing pauses, not at every key.
  const script = page.getByRole('region', { name: 'Call script' });
  await script.getByRole('button', { name: /^3\. Clarifying the need$/ }).click();
  await expect.poll(() => stored('Δημήτρης Καλογεράκης').contact?.notes).toBe('Θέλει προσφορά για 12 παράθυρα');
  const before = sent.get('scripts.saveProgress') ?? 0;
  const budget = '4 000 € a year';
  await script.getByRole('textbox', { name: 'Budget' }).pressSequentially(budget, { delay: 20 });
  await expect.poll(() => stored('Δημήτρης Καλογεράκης').contact?.budget).toBe(budget);
  const saves = () => (sent.get('scripts.saveProgress') ?? 0) - before;
  await expect.poll(saves).toBeGreaterThanOrEqual(1);
  expect(saves()).toBeLessThan(budget.length / 2);
  await page.screenshot({ path: test.info().outputPath('card-typed-during-call.png'), fullPage: true });

  // The last word typed, and the caller hangs up at once: nobody pressed "Save card".
  await card.getByLabel('Notes').press('End');
  await card.getByLabel('Notes').pressSequentially(', αλουμίνιο', { delay: 20 });
  await caller.hangup();

  const name = 'Δημήτρης Καλογεράκης';
  await expect.poll(() => stored(name).contact?.notes).toBe('Θέλει προσφορά για 12 παράθυρα, αλουμίνιο');
  const { contact, callContactId } = stored(name);
  expect(contact).toMatchObject({ organization: 'Καλογεράκης ΟΕ', budget });
  expect(callContactId).toBe(contact!.id);
  await expect(card.locator('.card-name')).toHaveText(name);
  await page.screenshot({ path: test.info().outputPath('card-after-hang-up.png'), fullPage: true });
  await expectOnContactsScreen(name, 'Καλογεράκης ΟΕ');
});

test('kill -9 of the main side 300 ms after the last key: after the restart the new card has what was typed', async () => {
  const { page } = desk;
  const caller = await desk.bot('203', 660, 'Unknown');
  await caller.call(DESK_USER);
  await caller.waitForStatus('established', 15_000);
  const card = page.getByRole('complementary', { name: 'Client card' });
  await expect(card.getByRole('heading', { name: 'New client card' })).toBeVisible();
  await card.getByRole('textbox', { name: /^Name/ }).pressSequentially('Анастасия Громова', { delay: 20 });
  await card.getByLabel('Organization').pressSequentially('Громов и сыновья', { delay: 20 });
  await page.waitForTimeout(300);
  await desk.restartApp({ kill: true });
  await caller.hangup();

  const { contact, callContactId } = stored('Анастасия Громова');
  expect(contact?.organization).toBe('Громов и сыновья');
  expect(callContactId).toBe(contact!.id);
  await expectOnContactsScreen('Анастасия Громова', 'Громов и сыновья');
});
