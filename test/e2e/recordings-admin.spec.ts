import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { openPromise } from 'yauzl';
import { bandLevels, channelFrequencies } from '../lab/audio-file-analysis.ts';
import type { CallerBot } from '../lab/caller-bot.ts';
import { makeTone } from '../lab/tones.ts';
import { ADMIN_PIN, openAdmin, openAdminSection, saveRecordingSettings } from './fixtures/admin.ts';
import { AGENT_TONE_HZ, DESK_USER, startDeskLab, type DeskLab } from './fixtures/desk-lab.ts';

const OLGA_TONE_HZ = 880;
const ILIAS_TONE_HZ = 660;
const ANNOUNCEMENT_HZ = 600;
const BEEP_HZ = 1400;

test.describe.configure({ mode: 'serial' });

let desk: DeskLab;
let olga: CallerBot;
let ilias: CallerBot;

test.beforeAll(async ({}, info) => {
  desk = await startDeskLab(info);
  olga = await desk.bot('201', OLGA_TONE_HZ, 'Olga');
  ilias = await desk.bot('202', ILIAS_TONE_HZ, 'Ilias');
  const csv = join(desk.dir, 'contacts.csv');
  writeFileSync(csv, '\uFEFFName,Organization,Phone\r\nОльга Ёлкина,Север,201\r\nΗλίας Παπαδόπουλος,Ακτή Α.Ε.,202\r\n');
  await desk.page.getByRole('button', { name: 'Contacts', exact: true }).click();
  await desk.page.locator('input[type="file"]').setInputFiles(csv);
  await expect(desk.page.getByText('2 imported, 0 updated, 0 rejected')).toBeVisible();
});

test.afterAll(async () => {
  await desk?.stop();
});

const database = () => new Database(join(desk.app.dataDir, 'ringside.sqlite'), { readonly: true });

test('the admin PIN set from the command line unlocks Admin, is needed again after locking; a wrong PIN is refused', async () => {
  const { page } = desk;
  await openAdmin(page);
  await page.getByRole('button', { name: 'Lock admin' }).click();
  await page.getByLabel('Admin PIN', { exact: true }).fill('000000');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Wrong admin PIN.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export to ZIP' })).toHaveCount(0);
  await page.getByLabel('Admin PIN', { exact: true }).fill(ADMIN_PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'Lock admin' })).toBeVisible();

  // Changing the PIN needs the current one.
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('button', { name: 'Admin PIN', exact: true }).click();
  const changePin = async (current: string, next: string) => {
    await page.getByLabel('Current PIN').fill(current);
    await page.getByLabel('New PIN (4–12 digits)').fill(next);
    await page.getByRole('button', { name: 'Change PIN' }).click();
    // The fields empty when the answer came back.
    await expect(page.getByLabel('Current PIN')).toHaveValue('');
  };
  await changePin('111111', '7777');
  await expect(page.getByText('PIN changed.')).toHaveCount(0);
  await changePin(ADMIN_PIN, '7777');
  await expect(page.getByText('PIN changed.')).toBeVisible();
  await page.getByRole('button', { name: 'Lock admin' }).click();
  await openAdmin(page, '7777');
  await changePin('7777', ADMIN_PIN);
  await expect(page.getByText('PIN changed.')).toBeVisible();

  const db = database();
  try {
    const actions = db.prepare('select actor, action from audit_log order by at, id').all() as { actor: string; action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['admin-pin-set', 'admin-pin-changed', 'admin-pin-changed']);
    expect(actions[0]?.actor).toBe('command line');
    expect(JSON.stringify(db.prepare('select * from admin_pin').all())).not.toContain(ADMIN_PIN);
  } finally {
    db.close();
  }
});

test('consent: the caller hears the announcement first, recording starts after it, and the call keeps what was announced', async () => {
  const { page } = desk;
  const announcement = makeTone(join(desk.dir, 'announcement'), ANNOUNCEMENT_HZ, 'wav', 3);
  await openAdminSection(page, 'Recording');
  await page.getByLabel('Upload our own announcement (WAV, MP3, Ogg)').setInputFiles(announcement);
  await expect(page.getByLabel('Before recording, the caller hears')).toHaveValue('custom');
  await saveRecordingSettings(page, { beep: 'Every 15 seconds' });

  await olga.call(DESK_USER);
  await olga.waitForStatus('established', 15_000);
  const panel = page.locator('.call-panel');
  await expect(panel.locator('.recording-indicator')).toHaveText('Announcing recording to the caller…');
  const during = await olga.peakFrequencyOfRemote(1000);
  expect(Math.abs(during.hz - ANNOUNCEMENT_HZ)).toBeLessThan(40);
  await expect(panel.locator('.recording-indicator')).toHaveText('Recording', { timeout: 10_000 });
  const recordingFrom = Date.now();
  const after = await olga.peakFrequencyOfRemote(1000);
  expect(Math.abs(after.hz - AGENT_TONE_HZ)).toBeLessThan(40);
  // Long enough for the first reminder beep, 15 s into the recording.
  await page.waitForTimeout(17_500 - (Date.now() - recordingFrom));
  await olga.hangup();
  await expect(panel).toHaveAttribute('data-call-state', 'ended');

  const db = database();
  try {
    const call = db.prepare('select id, consent_announcement, consent_beep_seconds from calls order by invite_at desc limit 1').get() as {
      id: string;
      consent_announcement: string;
      consent_beep_seconds: number;
    };
    expect(call.consent_announcement).toBe(`custom:tone${ANNOUNCEMENT_HZ}.wav`);
    expect(call.consent_beep_seconds).toBe(15);
    const recording = () => db.prepare("select file from recordings where call_id = ? and status = 'final'").get(call.id) as { file: string } | undefined;
    await expect.poll(() => recording()?.file ?? null, { timeout: 10_000 }).not.toBeNull();
    // The announcement is not in the recording: it ended before the first recorded frame.
    const file = join(desk.app.dataDir, recording()!.file);
    // From its first second the recording holds the two voices, not the announcement (600 Hz).
    const { left, right } = channelFrequencies(file, join(desk.dir, 'announcement'), { fromSeconds: 0, seconds: 12 });
    expect(Math.abs(left - OLGA_TONE_HZ)).toBeLessThan(60);
    expect(Math.abs(right - AGENT_TONE_HZ)).toBeLessThan(60);
    expect(Math.abs(channelFrequencies(file, join(desk.dir, 'announcement'), { fromSeconds: 0, seconds: 1 }).right - AGENT_TONE_HZ)).toBeLessThan(60);
    // The beep is on the line (the agent's channel) about 15 s in, and not before.
    const beepBand = bandLevels(file, 'right', BEEP_HZ);
    const quiet = Math.max(...beepBand.slice(20, 130));
    const beep = Math.max(...beepBand.slice(140, 170));
    expect(beep).toBeGreaterThan(0.02);
    expect(beep).toBeGreaterThan(quiet * 5);
  } finally {
    db.close();
  }
  await saveRecordingSettings(page, { announcement: 'Nothing', beep: 'Off' });
});

test('a recorded call plays in the history: waveform of both channels, play, seek, speed; audio served in byte ranges', async () => {
  const { page } = desk;
  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  const row = page.locator('.calls-table tbody tr').first();
  await expect(row).toContainText('Ольга Ёлкина');
  await row.getByRole('button', { name: 'Listen' }).click();
  const player = page.locator('.recording-player');
  await expect(player).toHaveAttribute('data-ready', 'true');
  await expect(player.locator('.waveform')).toBeVisible();
  await expect(player.locator('.player-time')).toHaveText(/^0:00 \/ 0:1[5-9]$/);

  await player.getByRole('button', { name: 'Play recording' }).click();
  await expect(player.getByRole('button', { name: 'Pause playback' })).toBeVisible();
  await expect(player.locator('.player-time')).toHaveText(/^0:0[1-9] \//, { timeout: 5000 });
  await player.getByRole('button', { name: 'Pause playback' }).click();
  await player.getByLabel('Speed').selectOption('2');
  await expect(player.getByLabel('Speed')).toHaveValue('2');
  // Seek: a click near the end of the waveform moves the position there.
  await expect(async () => {
    const box = (await player.locator('.waveform').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    await expect(player.locator('.player-time')).toHaveText(/^0:1[4-8] \//, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });

  const recordingId = await player.getAttribute('data-recording-id');
  const token = new URL(desk.app.url).searchParams.get('token')!;
  const url = `${new URL(desk.app.url).origin}/media/recordings/${recordingId}?token=${token}`;
  const part = await page.request.get(url, { headers: { Range: 'bytes=100-199' } });
  expect(part.status()).toBe(206);
  expect((await part.body()).length).toBe(100);
  expect((await page.request.get(url.replace(token, 'x'.repeat(token.length)))).status()).toBe(401);
  await page.screenshot({ path: test.info().outputPath('player.png') });
});

test('export: the ZIP holds exactly the filtered calls as WAV, manifests match and hashes verify, Cyrillic and Greek survive', async () => {
  const { page } = desk;
  await ilias.call(DESK_USER);
  await ilias.waitForStatus('established', 15_000);
  await expect(page.locator('.call-panel .recording-indicator')).toHaveText('Recording');
  await page.waitForTimeout(3000);
  await ilias.hangup();
  await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });

  await openAdminSection(page, 'Export');
  await expect(page.locator('.export-preview')).toHaveText(/^2 recordings of 2 calls/);
  // The days are typed in the screen's order (English is en-GB: day first): from tomorrow there is nothing, from today both calls.
  const now = new Date();
  const typedDay = (offset: number) => {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
    return `${String(day.getDate()).padStart(2, '0')}/${String(day.getMonth() + 1).padStart(2, '0')}/${day.getFullYear()}`;
  };
  const from = page.getByLabel('From (day)');
  await from.fill(typedDay(1));
  await expect(page.locator('.export-preview')).toHaveText(/^0 recordings of 0 calls/);
  await from.fill(typedDay(0));
  await expect(page.locator('.export-preview')).toHaveText(/^2 recordings of 2 calls/);
  await page.getByLabel('To (day, included)').fill(typedDay(0));
  await expect(page.locator('.export-preview')).toHaveText(/^2 recordings of 2 calls/);
  await from.fill('');
  await page.getByLabel('To (day, included)').fill('');
  await page.getByLabel('Client (name, company or number)').fill('ольга');
  await expect(page.locator('.export-preview')).toHaveText(/^1 recording of 1 call,/);
  await page.getByLabel('WAV (plays everywhere, about 10× larger)').check();
  await page.getByRole('button', { name: 'Export to ZIP' }).click();
  await expect(page.getByText('Exported 1 recording of 1 call; the archive was checked.')).toBeVisible({ timeout: 30_000 });
  const href = await page.getByRole('link', { name: 'Download the archive' }).getAttribute('href');
  const entries = await readZip((await page.request.get(href!)).body(), join(desk.dir, 'export.zip'));
  const wavs = [...entries.keys()].filter((n) => n.endsWith('.wav'));
  expect(wavs).toHaveLength(1);
  expect([...entries.keys()].sort()).toEqual([...wavs, 'manifest.csv', 'manifest.json'].sort());
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { recordings: { file: string; sha256: string; client: string; recordedSha256: string; problem: string }[] };
  expect(manifest.recordings).toHaveLength(1);
  expect(manifest.recordings[0]).toMatchObject({ file: wavs[0], client: 'Ольга Ёлкина', problem: '' });
  expect(createHash('sha256').update(entries.get(wavs[0]!)!).digest('hex')).toBe(manifest.recordings[0]!.sha256);
  const csv = entries.get('manifest.csv')!;
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain('Ольга Ёлкина');
  const wavDir = join(desk.dir, 'exported');
  mkdirSync(wavDir, { recursive: true });
  writeFileSync(join(wavDir, 'call.wav'), entries.get(wavs[0]!)!);
  // The first 12 s: the reminder beep at 15 s would pull the agent channel's estimate up.
  const { left, right } = channelFrequencies(join(wavDir, 'call.wav'), wavDir, { fromSeconds: 0, seconds: 12 });
  expect(Math.abs(left - OLGA_TONE_HZ)).toBeLessThan(60);
  expect(Math.abs(right - AGENT_TONE_HZ)).toBeLessThan(60);

  // Everyone's calls, original format: the Greek name comes through too.
  await page.getByLabel('Client (name, company or number)').fill('');
  await expect(page.locator('.export-preview')).toHaveText(/^2 recordings of 2 calls/);
  await page.getByLabel('Original (WebM/Opus, small)').check();
  await page.getByRole('button', { name: 'Export to ZIP' }).click();
  await expect(page.getByText('Exported 2 recordings of 2 calls; the archive was checked.')).toBeVisible({ timeout: 30_000 });
  const all = await readZip(page.request.get((await page.getByRole('link', { name: 'Download the archive' }).getAttribute('href'))!).then((r) => r.body()), join(desk.dir, 'all.zip'));
  expect(all.get('manifest.csv')!.toString('utf8')).toContain('Ηλίας Παπαδόπουλος');
  expect([...all.keys()].filter((n) => n.endsWith('.webm'))).toHaveLength(2);
  const files = (await page.getByRole('link', { name: 'Download the archive' }).getAttribute('href'))!;
  expect(files).not.toBe(href);
  await openAdminSection(page, 'Audit log');
  await expect(page.locator('.audit-table')).toContainText('Recordings exported');
  const db = database();
  try {
    const exports = db.prepare("select details from audit_log where action = 'export' order by at").all() as { details: string }[];
    expect(exports.map((e) => (JSON.parse(e.details) as { recordings: number; filter: unknown }))).toMatchObject([
      { recordings: 1, filter: { client: 'ольга' } },
      { recordings: 2, filter: {} },
    ]);
  } finally {
    db.close();
  }
  await page.screenshot({ path: test.info().outputPath('admin.png'), fullPage: true });
});

test('encrypted at rest: nothing of the call is readable on disk, yet it plays, and the export holds it decrypted', async () => {
  const { page } = desk;
  await openAdminSection(page, 'Recording');
  await page.getByLabel('Encrypt new recordings on this computer').check();
  await page.getByRole('button', { name: 'Save recording settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.locator('#encrypt-hint')).toContainText(/Key in use: [0-9a-f]{16}\./);
  const keyFile = join(desk.dir, 'recordings.key');
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);

  await olga.call(DESK_USER);
  await olga.waitForStatus('established', 15_000);
  await expect(page.locator('.call-panel .recording-indicator')).toHaveText('Recording');
  await page.waitForTimeout(4000);
  await olga.hangup();
  await expect(page.locator('.call-panel')).toHaveCount(0, { timeout: 10_000 });

  const db = database();
  let recording: { id: string; call_id: string; file: string; sha256: string };
  try {
    // The third recorded call of this file: final once main has sealed it.
    await expect.poll(() => (db.prepare("select count(*) as n from recordings where status = 'final'").get() as { n: number }).n, { timeout: 10_000 }).toBe(3);
    recording = db.prepare("select id, call_id, file, sha256 from recordings order by started_at desc limit 1").get() as typeof recording;
    const settingsAudit = db.prepare("select details from audit_log where action = 'admin-settings-changed' order by at desc limit 1").get() as { details: string };
    expect(JSON.parse(settingsAudit.details)).toMatchObject({ encryptRecordings: { from: false, to: true } });
  } finally {
    db.close();
  }
  const onDisk = readFileSync(join(desk.app.dataDir, recording.file));
  expect(onDisk.subarray(0, 8).toString('latin1')).toBe('RSREC01\n');
  // No WebM header (1A 45 DF A3) and no Opus header anywhere in the file.
  expect(onDisk.includes(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))).toBe(false);
  expect(onDisk.includes(Buffer.from('OpusHead'))).toBe(false);

  await page.getByRole('button', { name: 'Calls', exact: true }).click();
  await page.locator('.calls-table tbody tr').first().getByRole('button', { name: 'Listen' }).click();
  const player = page.locator('.recording-player');
  await expect(player).toHaveAttribute('data-recording-id', recording.id);
  await expect(player).toHaveAttribute('data-ready', 'true');
  await expect(player.locator('.player-time')).toHaveText(/^0:00 \/ 0:0[3-8]$/);
  await player.getByRole('button', { name: 'Play recording' }).click();
  await expect(player.locator('.player-time')).toHaveText(/^0:0[1-9] \//, { timeout: 5000 });
  await player.getByRole('button', { name: 'Pause playback' }).click();
  const token = new URL(desk.app.url).searchParams.get('token')!;
  const served = await page.request.get(`${new URL(desk.app.url).origin}/media/recordings/${recording.id}?token=${token}`);
  const audio = await served.body();
  expect(createHash('sha256').update(audio).digest('hex')).toBe(recording.sha256);
  const part = await page.request.get(`${new URL(desk.app.url).origin}/media/recordings/${recording.id}?token=${token}`, { headers: { Range: 'bytes=0-3' } });
  expect(part.status()).toBe(206);
  expect([...(await part.body())]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);

  await openAdminSection(page, 'Export');
  await page.getByLabel('Original (WebM/Opus, small)').check();
  await page.getByRole('button', { name: 'Export to ZIP' }).click();
  await expect(page.getByText('Exported 3 recordings of 3 calls; the archive was checked.')).toBeVisible({ timeout: 30_000 });
  const entries = await readZip(page.request.get((await page.getByRole('link', { name: 'Download the archive' }).getAttribute('href'))!).then((r) => r.body()), join(desk.dir, 'sealed.zip'));
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { recordings: { recordingId: string; file: string; sha256: string; problem: string }[] };
  const row = manifest.recordings.find((r) => r.recordingId === recording.id)!;
  expect(row).toMatchObject({ sha256: recording.sha256, problem: '' });
  const exported = join(desk.dir, 'sealed');
  mkdirSync(exported, { recursive: true });
  writeFileSync(join(exported, 'call.webm'), entries.get(row.file)!);
  const { left, right } = channelFrequencies(join(exported, 'call.webm'), exported, { fromSeconds: 0, seconds: 3 });
  expect(Math.abs(left - OLGA_TONE_HZ)).toBeLessThan(60);
  expect(Math.abs(right - AGENT_TONE_HZ)).toBeLessThan(60);
  await page.locator('.admin-panel').first().screenshot({ path: '/tmp/ringside-encryption-admin.png' });
  await page.locator('.admin-panel', { has: page.locator('.export-progress') }).screenshot({ path: '/tmp/ringside-export-done.png' });
});

async function readZip(bytes: Promise<Buffer>, file: string): Promise<Map<string, Buffer>> {
  writeFileSync(file, await bytes);
  const entries = new Map<string, Buffer>();
  const zip = await openPromise(file);
  for await (const entry of zip.eachEntry()) {
    const parts: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
    entries.set(entry.fileName, Buffer.concat(parts));
  }
  zip.close();
  return entries;
}
