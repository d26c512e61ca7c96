import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { launchLabChromium } from '../lab/chromium.ts';
import { makeTone } from '../lab/tones.ts';
import { openAdmin } from './fixtures/admin.ts';
import { AGENT_TONE_HZ, portsFor } from './fixtures/desk-lab.ts';
import { startRingsideWeb, type RingsideApp } from './fixtures/ringside-app.ts';
import { openSettings, saveSettingsSection } from './fixtures/settings.ts';

test.describe.configure({ mode: 'serial' });

let dir: string;
let app: RingsideApp;
let browser: Browser;
let page: Page;

/** What the desk has saved, read from its settings file. */
const stored = () => (JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as { settings: Record<string, Record<string, unknown>> }).settings;

// No PBX needed: the office manager's desk, set up by a config file (so the set-up guide is not due).
test.beforeAll(async ({}, info) => {
  dir = mkdtempSync(join(tmpdir(), 'ringside-settings-'));
  app = await startRingsideWeb({ dir, port: portsFor(info).ringside, config: { defaultRegion: 'GR' } });
  browser = await launchLabChromium({ fakeMicWav: makeTone(dir, AGENT_TONE_HZ, 'wav') });
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(app.url);
});

test.afterAll(async ({}, info) => {
  await browser?.close();
  await app?.stop();
  if (info.status === info.expectedStatus) rmSync(dir, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: join(tmpdir(), `ringside-settings-${name}.png`) });

test('Settings is in sections with their own navigation; a section saves only itself, the others keep their unsaved edits marked; the section survives a reload', async () => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const sections = page.getByRole('navigation', { name: 'Settings sections' });
  await expect(sections.getByRole('button')).toHaveText(['Language & region', 'You & your office', 'Phone system (PBX)', 'Answering', 'Headset & devices', 'Call-backs']);
  // One section at a time, and no Save that sends everything.
  await expect(page.locator('form.settings-form')).toHaveCount(1);
  await expect(sections.getByRole('button', { name: 'Language & region' })).toHaveAttribute('aria-current', 'true');

  await openSettings(page, 'Answering');
  expect(new URL(page.url()).hash).toBe('#settings/answering');
  await page.getByLabel('Each ring sounds for').fill('1.5');
  await page.getByLabel('Pause between rings').fill('3,5');
  await expect(sections.getByRole('button', { name: 'Answering' })).toContainText('not saved');
  await expect(page.getByText('Changes not saved yet')).toBeVisible();

  await openSettings(page, 'You & your office');
  await page.getByLabel('Company (the greeting says it)').fill('Acme Windows');
  await expect(sections.getByRole('button', { name: 'You & your office' })).toContainText('not saved');
  await shot('unsaved-1366');

  // Back in Answering the edit waits; its Save sends Answering alone.
  await openSettings(page, 'Answering');
  await expect(page.getByLabel('Each ring sounds for')).toHaveValue('1.5');
  await expect(page.getByLabel('Pause between rings')).toHaveValue('3.5');
  await saveSettingsSection(page);
  await expect(sections.getByRole('button', { name: 'Answering' })).not.toContainText('not saved');
  await expect(sections.getByRole('button', { name: 'You & your office' })).toContainText('not saved');
  expect(stored().ringPolicy).toMatchObject({ ringOnMs: 1500, ringOffMs: 3500 });
  expect(stored().office).toMatchObject({ company: '' });

  // The section is in the address: a reload opens it again, with what was saved.
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: 'Answering' })).toBeVisible();
  await expect(page.getByLabel('Each ring sounds for')).toHaveValue('1.5');
  await expect(page.getByLabel('Pause between rings')).toHaveValue('3.5');
});

test('ring timing is set in seconds and rings, said back in plain words, one choice marked recommended, and kept as milliseconds', async () => {
  await openSettings(page, 'Answering');
  const answer = page.getByLabel('Answer by itself');
  // 1.5 s of ring and 3.5 s of pause: ring 2 ends 6.5 s after the call comes in.
  await expect(answer.locator('option:checked')).toHaveText('At the end of ring 2 (≈ 6.5 s) — recommended');
  await expect(answer.locator('option', { hasText: 'recommended' })).toHaveCount(1);
  await expect(page.getByText('Recommended: the end of ring 2.')).toBeVisible();
  const summary = page.locator('.ring-summary');
  await expect(summary).toContainText('Each ring sounds for 1.5 s, then a pause of 3.5 s.');
  await expect(summary).toContainText('Ringside answers by itself at the end of ring 2, about 6.5 s after the call comes in.');

  await answer.selectOption('3');
  await page.getByLabel('Each ring sounds for').fill('2');
  await page.getByLabel('Pause between rings').fill('4');
  await expect(answer.locator('option:checked')).toHaveText('At the end of ring 3 (≈ 14 s)');
  await expect(summary).toContainText('at the end of ring 3, about 14 s after');
  // What is not a number of seconds cannot be saved.
  await page.getByLabel('Pause between rings').fill('four');
  await expect(page.getByLabel('Pause between rings')).toHaveAttribute('aria-invalid', 'true');
  await page.locator('form.settings-form').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toHaveCount(0);
  await page.getByLabel('Pause between rings').fill('4');
  await saveSettingsSection(page);
  expect(stored().ringPolicy).toMatchObject({ answerOnRing: 3, ringOnMs: 2000, ringOffMs: 4000 });
  await shot('answering-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot('answering-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('the language applies the moment it is chosen, is saved without a Save, and survives a reload', async () => {
  await openSettings(page, 'Language & region');
  await page.getByLabel('Language of Ringside').selectOption('ru');
  await expect(page.getByRole('heading', { level: 2, name: 'Настройки' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('button', { name: 'Язык и регион' })).toBeVisible();
  await expect.poll(() => stored().language).toBe('ru');
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Настройки' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('button', { name: 'Ответ на звонки' }).click();
  await expect(page.locator('.ring-summary')).toContainText('Гудок звучит 2 с, затем пауза 4 с.');
  await expect(page.getByLabel('Пауза между гудками')).toHaveValue('4');
  await shot('answering-ru-1366');
  await page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('button', { name: 'Язык и регион' }).click();
  await page.getByLabel('Язык Ringside').selectOption('el');
  await expect(page.getByRole('heading', { level: 2, name: 'Ρυθμίσεις' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Ενότητες ρυθμίσεων' }).getByRole('button', { name: 'Απάντηση' }).click();
  await shot('answering-el-1366');
  await page.getByRole('navigation', { name: 'Ενότητες ρυθμίσεων' }).getByRole('button', { name: 'Γλώσσα και περιοχή' }).click();
  // The country of the numbers is chosen by its name in the screen's language, as in the set-up guide.
  const region = page.getByLabel('Χώρα ή περιοχή των αριθμών σας');
  await region.selectOption({ label: 'Κύπρος' });
  await page.locator('form.settings-form').getByRole('button', { name: 'Αποθήκευση', exact: true }).click();
  await expect.poll(() => stored().defaultRegion).toBe('CY');
  await page.getByLabel('Γλώσσα του Ringside').selectOption('en');
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await expect.poll(() => stored().language).toBe('en');
  await expect(page.getByLabel('Country or region of your phone numbers').locator('option:checked')).toHaveText('Cyprus');
});

test('Admin is in sections too: one panel at a time, chosen from its own navigation and kept in the address', async () => {
  await openAdmin(page);
  const sections = page.getByRole('navigation', { name: 'Admin sections' });
  await expect(sections.getByRole('button')).toHaveText(['Recording', 'Export', 'Keeping recordings', 'Call scripts', 'Scorecard', 'Audit log', 'Refused calls', 'Admin PIN']);
  await expect(page.getByRole('button', { name: 'Save recording settings' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toHaveCount(0);
  await sections.getByRole('button', { name: 'Scorecard' }).click();
  await expect(page.getByRole('button', { name: 'Save recording settings' })).toHaveCount(0);
  const editor = page.locator('.scorecard-editor');
  // Each item says what it means, editable; no rule id.
  const firstItem = editor.getByLabel('What the supervisor checks').first();
  await expect(firstItem).not.toHaveValue('');
  expect(await editor.innerText()).not.toMatch(/\bR\d+\b/);
  expect(new URL(page.url()).hash).toBe('#admin/scorecard');
  await shot('admin-scorecard-1366');
  // A reload locks Admin again; unlocked, it opens where it was.
  await page.reload();
  await openAdmin(page);
  await expect(page.locator('.scorecard-editor')).toBeVisible();
});
