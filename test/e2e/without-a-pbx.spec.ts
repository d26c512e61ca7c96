import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { channelFrequencies, channelRms } from '../lab/audio-file-analysis.ts';
import { launchLabChromium } from '../lab/chromium.ts';
import { makeTone } from '../lab/tones.ts';
import { openAdminSection } from './fixtures/admin.ts';
import { AGENT_TONE_HZ, portsFor } from './fixtures/desk-lab.ts';
import { startRingsideWeb, type RingsideApp } from './fixtures/ringside-app.ts';
import { openSettings, saveSettingsSection } from './fixtures/settings.ts';

test.describe.configure({ mode: 'serial' });

let dir: string;
let app: RingsideApp;
let browser: Browser;
let page: Page;

// No PBX, no SIP account: a new office manager rehearses on a fresh install.
test.beforeAll(async ({}, info) => {
  dir = mkdtempSync(join(tmpdir(), 'ringside-practice-'));
  app = await startRingsideWeb({
    dir,
    port: portsFor(info).ringside,
    config: { defaultRegion: 'GR', script: { id: 'inbound-sales', locale: 'el' }, office: { company: 'Ventura', activity: 'κουφώματα αλουμινίου' } },
  });
  browser = await launchLabChromium({ fakeMicWav: makeTone(dir, AGENT_TONE_HZ, 'wav') });
  page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await page.goto(app.url);
});

test.afterAll(async ({}, info) => {
  await browser?.close();
  await app?.stop();
  if (info.status === info.expectedStatus) rmSync(dir, { recursive: true, force: true });
});

test('a practice call works with no SIP account: it rings, shows card and script, is recorded, marked practice and left out of the statistics', async () => {
  await expect(page.locator('.registration[data-status="unconfigured"]')).toBeVisible();
  await page.getByRole('button', { name: 'Practice call' }).click();

  const panel = page.locator('.call-panel');
  await expect(panel).toHaveAttribute('data-call-state', 'ringing');
  await expect(panel.getByText('Practice call')).toBeVisible();
  await expect(page.getByText('Εξάσκηση: Ελένη Παπαδοπούλου').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Practice call' })).toBeDisabled();
  await panel.getByRole('button', { name: /Answer/ }).click();
  await expect(panel).toHaveAttribute('data-call-state', 'active');
  await expect(page.locator('.call-panel .recording-indicator')).toHaveText('Recording');
  // The Greek script, as the settings say, with the office's name in the greeting.
  await expect(page.locator('.script-panel')).toContainText('Ventura');

  // The caller waits for the greeting (4 s), then says the first line (about 7 s).
  await page.waitForTimeout(10_000);
  await panel.getByRole('button', { name: /Hang up/ }).click();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');

  const database = new Database(join(app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    const call = database.prepare('select id, practice, status, remote_display_name from calls order by invite_at desc limit 1').get() as {
      id: string;
      practice: number;
      status: string;
      remote_display_name: string;
    };
    expect(call).toMatchObject({ practice: 1, status: 'answered', remote_display_name: 'Εξάσκηση: Ελένη Παπαδοπούλου' });
    const recording = () =>
      database.prepare("select file from recordings where call_id = ? and status = 'final'").get(call.id) as { file: string } | undefined;
    await expect.poll(() => recording()?.file ?? null, { timeout: 10_000 }).not.toBeNull();
    const file = join(app.dataDir, recording()!.file);
    // Left: the simulated caller, silent while the agent greets, then speaking; right: the agent.
    const beforeFirstLine = channelRms(file, dir, 'left', 0.5, 2.5);
    const firstLine = channelRms(file, dir, 'left', 5, 3);
    expect(beforeFirstLine).toBeLessThan(0.01);
    expect(firstLine).toBeGreaterThan(0.03);
    expect(Math.abs(channelFrequencies(file, dir).right - AGENT_TONE_HZ)).toBeLessThan(60);
  } finally {
    database.close();
  }

  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  const row = page.locator('.calls-table tbody tr', { hasText: 'Εξάσκηση: Ελένη Παπαδοπούλου' });
  await expect(row.locator('.practice-badge')).toHaveText('Practice');
  // Answered today, yet not counted: the desk's figures are real calls only.
  await expect(page.locator('.today-summary [data-stat="incoming"]')).toHaveText('0');
  await expect(page.locator('.today-summary [data-stat="answered"]')).toHaveText('0');
  await page.screenshot({ path: join(dir, '..', 'ringside-practice-calls.png') });
});

test('an admin copies a shipped script, reorders and edits it, and the desk follows it; a broken import names the bad place and changes nothing', async () => {
  await openAdminSection(page, 'Call scripts');
  const panel = page.locator('section[aria-labelledby="scripts-admin-title"]');
  await panel.locator('tr[data-script-id="inbound-sales"][data-locale="en"]').getByRole('button', { name: 'Copy' }).click();

  const editor = page.locator('.script-editor');
  await editor.getByLabel('Name', { exact: true }).fill('Ventura sales');
  await editor.getByLabel('Id (letters, digits, dashes)').fill('ventura-sales');
  const greeting = editor.locator('.stage-editor[data-stage-id="greeting"]');
  await greeting.getByLabel(/What to say/).fill('Good morning, {company}! Maria speaking. How can I help you?');
  await greeting.getByLabel('Checklist (one item per line)').fill('Answered by the 2nd–3rd ring\nSmiled before picking up');
  // Objections before presenting, in this office.
  await editor.getByRole('button', { name: 'Move "Objections" up' }).click();
  await expect(editor.locator('.stage-editor').nth(3)).toHaveAttribute('data-stage-id', 'objections');
  // A question without text is refused before anything is sent.
  await editor.locator('.stage-editor[data-stage-id="goodbye"]').getByRole('button', { name: 'Add a question' }).click();
  await editor.getByRole('button', { name: 'Save script' }).click();
  await expect(editor.getByRole('alert')).toContainText('stages[6].questions[0].text (stage "Goodbye"): must not be empty');
  await editor.locator('.stage-editor[data-stage-id="goodbye"]').getByRole('button', { name: /Remove question/ }).click();
  await editor.getByRole('button', { name: 'Save script' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved "Ventura sales".');
  const row = panel.locator('tr[data-script-id="ventura-sales"]');
  await expect(row).toContainText('Your office');

  // The desk follows it.
  await openSettings(page, 'You & your office');
  await page.getByRole('combobox', { name: 'Script' }).selectOption('ventura-sales:en');
  await saveSettingsSection(page);
  await page.getByRole('button', { name: 'Practice call' }).click();
  const call = page.locator('.call-panel');
  await call.getByRole('button', { name: /Answer/ }).click();
  const script = page.locator('.script-panel');
  await expect(script).toContainText('Good morning, Ventura! Maria speaking. How can I help you?');
  await expect(script).toContainText('Smiled before picking up');
  await expect(script.locator('.stage-tab').nth(3)).toHaveText(/Objections/);
  await call.getByRole('button', { name: /Hang up/ }).click();
  await expect(call).toHaveAttribute('data-call-state', 'ended');

  // Export, then import a broken copy of the export: refused, every bad place named, nothing changed.
  await openAdminSection(page, 'Call scripts');
  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Export JSON' }).click();
  const exported = join(dir, 'ventura-sales.en.json');
  await (await download).saveAs(exported);
  const json = JSON.parse(readFileSync(exported, 'utf8')) as { id: string; name: string; stages: { id: string; questions: { field: string }[] }[] };
  expect(json.stages.map((st) => st.id).slice(0, 5)).toEqual(['greeting', 'request', 'clarifying', 'objections', 'presenting']);
  const broken = structuredClone(json);
  broken.name = 'Ventura sales (broken)';
  broken.stages[1]!.questions[2]!.field = 'shoe-size';
  const brokenFile = join(dir, 'broken.json');
  writeFileSync(brokenFile, JSON.stringify(broken));
  await panel.getByLabel('Script file to import').setInputFiles(brokenFile);
  const problem = panel.getByRole('alert');
  await expect(problem).toContainText('The script was not imported');
  await expect(problem).toContainText('stages[1].questions[2].field (stage "The request"): Invalid option');
  await expect(row).toContainText('Ventura sales');
  await expect(row).not.toContainText('broken');
  const database = new Database(join(app.dataDir, 'ringside.sqlite'), { readonly: true });
  try {
    const stored = database.prepare("select body from scripts where id = 'ventura-sales'").get() as { body: string };
    expect(JSON.parse(stored.body)).toEqual(json);
  } finally {
    database.close();
  }

  // Not JSON at all: said so.
  writeFileSync(brokenFile, '{ "version": 1, "id": "x",');
  await panel.getByLabel('Script file to import').setInputFiles(brokenFile);
  await expect(problem).toContainText('The file is not valid JSON');

  // A valid file under a new id is imported beside it.
  writeFileSync(brokenFile, JSON.stringify({ ...json, id: 'ventura-sales-2', name: 'Ventura sales 2' }));
  await panel.getByLabel('Script file to import').setInputFiles(brokenFile);
  await expect(panel.getByRole('status')).toHaveText('Imported "Ventura sales 2" (ventura-sales-2, English).');

  // A script from scratch: it starts with a greeting; stages are added by kind.
  await panel.getByRole('button', { name: 'New script' }).click();
  await editor.getByLabel('Name', { exact: true }).fill('Front desk, short');
  await editor.getByLabel('Id (letters, digits, dashes)').fill('front-desk-short');
  await editor.getByLabel('New stage').selectOption('goodbye');
  await editor.getByRole('button', { name: 'Add stage' }).click();
  await editor.locator('.stage-editor[data-stage-id="goodbye-1"]').getByLabel(/What to say/).fill('Thank you for calling, {callerName}!');
  await editor.getByRole('button', { name: 'Save script' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved "Front desk, short".');
  await expect(panel.locator('tr[data-script-id="front-desk-short"]')).toContainText('Your office');
  await page.screenshot({ path: join(dir, '..', 'ringside-scripts-admin.png'), fullPage: true });
});

/** Settings in whatever language the screen speaks: the interface language (applied as chosen), then the script, saved. */
async function chooseLanguage(language: string, script: string): Promise<void> {
  await page.getByRole('button', { name: /^(Settings|Настройки|Ρυθμίσεις)$/ }).click();
  await page.locator('.section-nav [data-section="language"]').click();
  await page.getByRole('combobox', { name: /Ringside/ }).selectOption({ label: language });
  await page.locator('.section-nav [data-section="office"]').click();
  await page.getByRole('combobox', { name: /^(Script|Сценарий|Σενάριο)$/ }).selectOption(script);
  await page.locator('form.settings-form').getByRole('button', { name: /^(Save|Сохранить|Αποθήκευση)$/ }).click();
  await expect(page.getByText(/^(Saved|Сохранено|Αποθηκεύτηκε)\.$/)).toBeVisible();
}

test('the screens of a guided call speak Russian and Greek, with plurals as each language has them', async () => {
  const rehearse = async (button: string, words: { answer: RegExp; hangUp: RegExp }, ticks: { after: number; text: string }[]) => {
    await page.getByRole('button', { name: button }).click();
    const call = page.locator('.call-panel');
    await call.getByRole('button', { name: words.answer }).click();
    const checklist = page.locator('.script-checklist');
    for (const { after, text } of ticks) {
      if (after > 0) await checklist.getByRole('checkbox').nth(after - 1).check();
      await expect(checklist.locator('legend .muted')).toHaveText(text);
    }
    await call.getByRole('button', { name: words.hangUp }).click();
    await expect(call).toHaveAttribute('data-call-state', 'ended');
  };

  await chooseLanguage('Русский', 'reception:ru');
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('button', { name: 'Телефония (АТС)' })).toBeVisible();
  await rehearse('Тренировочный звонок', { answer: /Ответить/, hangUp: /Завершить/ }, [
    { after: 0, text: 'Отмечено 0 пунктов из 3' },
    { after: 1, text: 'Отмечен 1 пункт из 3' },
    { after: 2, text: 'Отмечено 2 пункта из 3' },
  ]);
  await expect(page.getByRole('region', { name: 'Сценарий звонка' })).toBeVisible();
  await expect(page.locator('.call-panel')).toContainText('Вы завершили звонок');
  await expect(page.getByRole('complementary', { name: 'Карточка клиента' })).toContainText('Раньше не звонил.');
  await expect(page.locator('.registration')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Ваш статус' }).getByRole('button', { name: 'На месте' })).toBeVisible();
  const wrapUp = page.locator('form.wrap-up');
  await expect(wrapUp.getByRole('heading')).toHaveText('Итоги звонка: Тренировка: Павел Соколов');
  await wrapUp.getByLabel('Результат').selectOption({ label: 'Назначена встреча' });
  await wrapUp.getByRole('button', { name: 'Сохранить итоги' }).click();
  await page.getByRole('button', { name: 'Звонки', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Звонки', exact: true })).toBeVisible();
  const row = page.locator('.calls-table tbody tr', { hasText: 'Павел Соколов' });
  await expect(row.locator('td.status')).toHaveText('Принят');
  await expect(row.locator('[data-column="result"]')).toContainText('Назначена встреча');
  await expect(row.locator('.practice-badge')).toHaveText('Тренировка');
  await row.getByRole('button', { name: 'Этапы' }).click();
  const stages = page.getByRole('region', { name: 'Время на каждом этапе' });
  await expect(stages.locator('li').first()).toContainText('Приветствие');
  await expect(stages).toContainText('Дальше всего дошли до этапа: Приветствие');
  await page.getByRole('button', { name: 'Пропущенные' }).click();
  await expect(page.getByText('Пропущенных звонков нет.')).toBeVisible();
  await page.getByRole('button', { name: 'Оценка звонков', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Оценка звонков' })).toBeVisible();
  await expect(page.getByText('Ваши звонки ещё не оценивали.')).toBeVisible();
  // This window unlocked the admin PIN in the test before: the supervisor's list, in Russian.
  await page.getByRole('tab', { name: 'Оценить звонки' }).click();
  await expect(page.getByRole('combobox', { name: 'Показать' })).toHaveValue('unscored');
  await expect(page.getByRole('combobox', { name: 'Показать' }).locator('option:checked')).toHaveText('Ещё не оценены');
  await page.getByRole('button', { name: 'Контакты', exact: true }).click();
  await page.getByRole('button', { name: 'Новый контакт' }).click();
  await expect(page.getByRole('form', { name: 'Новый контакт' }).getByPlaceholder('Имя и отчество')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Сохранить карточку' })).toBeVisible();
  // What the core reports reaches the window in its language: why the phone is not set up, a
  // refused file, and each refused line of an import.
  await expect(page.locator('.top-bar')).toContainText('Укажите в настройках адрес сервера, SIP-адрес и пароль');
  writeFileSync(join(dir, 'empty.csv'), '');
  await page.locator('input[type="file"]').setInputFiles(join(dir, 'empty.csv'));
  await expect(page.locator('.notices')).toContainText('Файл пуст.');
  writeFileSync(join(dir, 'contacts.csv'), 'Name,Phone,Email\r\nИван Петров,+79161112233,ivan@example.ru\r\nОльга,+79162223344,плохой-адрес\r\n');
  await page.locator('input[type="file"]').setInputFiles(join(dir, 'contacts.csv'));
  await expect(page.locator('.import-report li')).toHaveText('Строка 3: неверный e-mail «плохой-адрес»');
  // The admin PIN was entered in this window before: the Russian admin panels.
  await page.getByRole('button', { name: 'Администрирование', exact: true }).click();
  const adminSections = page.getByRole('navigation', { name: 'Разделы администрирования' });
  await adminSections.getByRole('button', { name: 'Хранение записей' }).click();
  await expect(page.getByRole('heading', { name: 'Хранение записей' })).toBeVisible();
  await adminSections.getByRole('button', { name: 'Запись', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Записывать звонки' })).toHaveValue('all');
  await adminSections.getByRole('button', { name: 'Выгрузка' }).click();
  await expect(page.locator('.export-preview')).toContainText(/\d+ (запись|записи|записей) из \d+ (звонок|звонка|звонков)/);

  await chooseLanguage('Ελληνικά', 'service-booking:el');
  await rehearse('Κλήση εξάσκησης', { answer: /Απάντηση/, hangUp: /Τερματισμός/ }, [
    { after: 1, text: 'Ολοκληρώθηκε 1 από 2' },
    { after: 2, text: 'Ολοκληρώθηκαν 2 από 2' },
  ]);
  await expect(page.locator('form.wrap-up').getByRole('heading')).toHaveText('Ολοκλήρωση της κλήσης με: Εξάσκηση: Μαρία Γεωργίου');
  await page.getByRole('button', { name: 'Κλήσεις', exact: true }).click();
  await expect(page.locator('.today-summary dt').first()).toHaveText('Εισερχόμενες σήμερα');
  await expect(page.locator('.top-bar')).toContainText('Συμπληρώστε στις Ρυθμίσεις τη διεύθυνση του διακομιστή, τη διεύθυνση SIP και τον κωδικό');
  await expect(page.locator('.calls-table thead')).toContainText('Χτυπήματα');
  await page.screenshot({ path: join(dir, '..', 'ringside-greek.png') });
  await chooseLanguage('English', 'inbound-sales:en');
  await expect(page.getByRole('button', { name: 'Practice call' })).toBeVisible();
});

test('a fresh desk never shows a broken greeting; Next stops at Goodbye; a branch leads back; no screen shows a rule id, in en, ru or el', async () => {
  // As on a fresh data folder: neither the agent's name (no account) nor the company is set.
  await openSettings(page, 'You & your office');
  await page.getByLabel('Company (the greeting says it)').fill('');
  await page.getByLabel('Line of business').fill('');
  await saveSettingsSection(page);

  const panel = page.locator('.call-panel');
  const practise = async (words: { call: string; answer: RegExp }) => {
    await page.locator('.nav .nav-item').first().click();
    await page.getByRole('button', { name: words.call }).click();
    await panel.getByRole('button', { name: words.answer }).click();
    await expect(panel).toHaveAttribute('data-call-state', 'active');
  };
  const hangUp = async (words: RegExp) => {
    await panel.getByRole('button', { name: words }).click();
    await expect(panel).toHaveAttribute('data-call-state', 'ended');
  };
  // Rule ids (R20, R29…) belong to the docs: every main screen, with the call and its script on it.
  const expectNoRuleIds = async () => {
    const screens = page.locator('.nav .nav-item');
    for (let i = 0; i < (await screens.count()); i += 1) {
      await screens.nth(i).click();
      await expect(screens.nth(i)).toHaveAttribute('aria-current', 'page');
      await expect(page.locator('.script-panel')).toBeVisible();
      expect(await page.locator('body').innerText(), `screen ${await screens.nth(i).innerText()}`).not.toMatch(/\bR\d{1,2}\b/);
    }
  };

  await practise({ call: 'Practice call', answer: /Answer/ });
  const script = page.getByRole('region', { name: 'Call script' });
  await expect(script).toHaveAttribute('data-stage', 'greeting');
  // A whole sentence without the missing parts (a holiday wish may stand between), never "This is."
  await expect(script.locator('.script-say').first()).toHaveText(/^Good morning! (?:[^.]*! )?How can I help you\?$/);
  await expect(script.getByRole('button', { name: 'Set it in Settings' })).toBeVisible();
  await page.screenshot({ path: join(dir, '..', 'ringside-script-greeting.png'), fullPage: true });

  const next = script.getByRole('button', { name: 'Next stage' });
  for (let i = 0; i < 6; i += 1) await next.click();
  await expect(script).toHaveAttribute('data-stage', 'goodbye');
  await expect(next).toBeDisabled();

  await script.getByRole('button', { name: /^2\. The request$/ }).click();
  await script.getByRole('button', { name: 'Angry caller' }).click();
  await expect(script).toHaveAttribute('data-stage', 'angry');
  await page.screenshot({ path: join(dir, '..', 'ringside-script-branch.png'), fullPage: true });
  await script.getByRole('button', { name: 'Back to The request' }).click();
  await expect(script).toHaveAttribute('data-stage', 'request');

  await expectNoRuleIds();
  await script.getByRole('button', { name: /^1\. Greeting$/ }).click();
  await script.getByRole('button', { name: 'Set it in Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  // Settings opens at the missing field, ready to type: the name while it is missing, then the company.
  await expect(page.getByLabel('Display name')).toBeFocused();
  await page.screenshot({ path: join(dir, '..', 'ringside-settings-at-missing-name.png') });
  await page.keyboard.type('Maria');
  await saveSettingsSection(page);
  await expect(script.locator('.script-unset')).not.toContainText('Your name is not set');
  await page.locator('.nav .nav-item').first().click();
  await script.getByRole('button', { name: 'Set it in Settings' }).click();
  await expect(page.getByLabel('Company (the greeting says it)')).toBeFocused();
  await page.getByLabel('Display name').fill('');
  await saveSettingsSection(page);
  await hangUp(/Hang up/);

  await chooseLanguage('Русский', 'reception:ru');
  await practise({ call: 'Тренировочный звонок', answer: /Ответить/ });
  await expect(page.locator('.script-say').first()).toHaveText(/^Доброе утро! (?:[^.]*! )?Чем могу вам помочь\?$/);
  await expectNoRuleIds();
  await hangUp(/Завершить/);

  await chooseLanguage('Ελληνικά', 'inbound-sales:el');
  await practise({ call: 'Κλήση εξάσκησης', answer: /Απάντηση/ });
  await expect(page.locator('.script-say').first()).toHaveText(/^Καλημέρα σας! (?:[^.]*! )?Πώς μπορώ να σας εξυπηρετήσω;$/);
  await expectNoRuleIds();
  await hangUp(/Τερματισμός/);
  await chooseLanguage('English', 'inbound-sales:en');
});
