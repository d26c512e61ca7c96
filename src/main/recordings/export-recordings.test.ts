import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPromise } from 'yauzl';
import { systemClock } from '../../shared/clock.ts';
import { createContactRepository } from '../contacts/contact-repository.ts';
import { createSqliteCardLookup } from '../contacts/sqlite-card-lookup.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import type { ManifestRow } from './export-manifest.ts';
import { ExportCancelledError, exportRecordings } from './export-recordings.ts';
import { seedRecordedCall } from './fixtures/seed-recordings.ts';
import { newRecordingKey } from './encrypted-recording.ts';
import { verifyExportArchive } from './verify-export.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const fixture = readFileSync(join(import.meta.dirname, 'fixtures/mediarecorder-3s.webm'));
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await openPromise(file);
  const out = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const parts: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
    out.set(entry.fileName, Buffer.concat(parts));
  }
  zip.close();
  return out;
}

describe('recordings export', () => {
  let dir: string;
  let database: OpenedDatabase;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-export-'));
    database = await openDatabase(join(dir, 'ringside.sqlite'));
    const contacts = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
    const olga = await contacts.save({ name: 'Ольга Ёлкина', organization: 'Север', position: '', email: '', category: 'A', notes: '', phones: [{ number: '+79161234567', label: '' }] });
    const ilias = await contacts.save({ name: 'Ηλίας Παπαδόπουλος', organization: 'Ακτή Α.Ε.', position: '', email: '', category: null, notes: '', phones: [{ number: '+302101234567', label: '' }] });
    const hostile = await contacts.save({ name: '=HYPERLINK("http://x")', organization: '', position: '', email: '', category: null, notes: '', phones: [{ number: '+302109999999', label: '' }] });
    const seed = (n: number, extra: Partial<Parameters<typeof seedRecordedCall>[2]>) =>
      seedRecordedCall(database.db, dir, { callId: `c${n}`, inviteAt: T0 + n * DAY, remoteNumber: '+302100000000', audio: Buffer.concat([fixture, Buffer.from([n])]), ...extra });
    await seed(1, { contactId: olga.id, remoteNumber: '+79161234567', outcome: 'sold' });
    await seed(2, { contactId: ilias.id, remoteNumber: '+302101234567', outcome: 'deferred', agent: 'sip:102@office.example' });
    await seed(3, { contactId: ilias.id, remoteNumber: '+302101234567', outcome: 'sold', status: 'recovered' });
    await seed(4, { contactId: hostile.id, remoteNumber: '+302109999999', outcome: 'lost' });
    await seed(5, { audio: undefined });
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (filter: Parameters<typeof exportRecordings>[0]['filter'], extra: Partial<Parameters<typeof exportRecordings>[0]> = {}) =>
    exportRecordings({ db: database.db, dataDir: dir, clock: systemClock, filter, format: 'webm', locale: { language: 'en', region: 'GR', timeZone: 'UTC' }, target: join(dir, 'exports', 'out.zip'), ...extra });

  it("writes the columns for people in the office's language, region and time zone, beside the machine columns", async () => {
    const result = await run({ to: T0 + 3 * DAY + 1, agent: 'sip:101@office.example' }, { locale: { language: 'ru', region: 'RU', timeZone: 'Europe/Moscow' } });
    const files = await readZip(result.file);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { recordings: ManifestRow[] };
    expect(manifest.recordings).toMatchObject([
      { callId: 'c1', callArrivedAt: '2026-11-03T09:00:00.000Z', callArrivedAsShown: '3 нояб. 2026 г., 12:00', number: '+79161234567', numberAsShown: '8 (916) 123-45-67' },
      { callId: 'c3', callArrivedAt: '2026-11-05T09:00:00.000Z', callArrivedAsShown: '5 нояб. 2026 г., 12:00', number: '+302101234567', numberAsShown: '+30 21 0123 4567' },
    ]);
    const csv = files.get('manifest.csv')!.subarray(3).toString('utf8').split('\r\n');
    expect(csv[0]).toMatch(/^callId,recordingId,file,callArrivedAt,callArrivedAsShown,recordingStartedAt,.*,number,numberAsShown,client,/);
    expect(csv[1]).toContain(',"3 нояб. 2026 г., 12:00",');
    // A cell starting with + is quoted as text (the formula guard), E.164 included.
    expect(csv[1]).toContain(",'+79161234567,8 (916) 123-45-67,");
  });

  it('holds exactly the filtered recordings, with manifests whose hashes verify', async () => {
    const progress: number[] = [];
    const result = await run({ client: 'ηλιας', outcome: 'sold' }, { onProgress: (p) => progress.push(p.done) });
    expect(result).toMatchObject({ calls: 1, recordings: 1, problems: 0 });
    const files = await readZip(result.file);
    const recordings = [...files.keys()].filter((n) => n.startsWith('recordings/'));
    expect(recordings).toHaveLength(1);
    expect(recordings[0]).toMatch(/^recordings\/2026-11-05\/090005_\+302101234567_[\w-]+\.webm$/);
    expect(sha(files.get(recordings[0]!)!)).toBe(sha(Buffer.concat([fixture, Buffer.from([3])])));
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { recordings: ManifestRow[]; filter: unknown };
    expect(manifest.filter).toEqual({ client: 'ηλιας', outcome: 'sold' });
    expect(manifest.recordings).toMatchObject([{ callId: 'c3', client: 'Ηλίας Παπαδόπουλος', organization: 'Ακτή Α.Ε.', recordingStatus: 'recovered', outcome: 'sold', problem: '' }]);
    expect(manifest.recordings[0]!.sha256).toBe(manifest.recordings[0]!.recordedSha256);
    expect(progress.at(-1)).toBe(1);
    expect(await verifyExportArchive(result.file)).toBe(1);
  });

  it('combines date range and agent, and keeps Cyrillic and Greek names readable by Excel', async () => {
    const result = await run({ from: T0 + DAY, to: T0 + 4 * DAY + 1, agent: 'sip:101@office.example' });
    const files = await readZip(result.file);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { recordings: ManifestRow[] };
    expect(manifest.recordings.map((r) => r.callId)).toEqual(['c1', 'c3', 'c4']);
    const csv = files.get('manifest.csv')!;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.subarray(3).toString('utf8');
    expect(text).toContain('Ольга Ёлкина');
    expect(text).toContain('Ηλίας Παπαδόπουλος');
    // A name that Excel would run as a formula stays text.
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text.split('\r\n')[0]).toMatch(/^callId,recordingId,file,/);
  });

  it('lists a recording whose file is gone as a problem, and a changed file as changed', async () => {
    rmSync(join(dir, 'recordings/seed/rec-c1.webm'));
    writeFileSync(join(dir, 'recordings/seed/rec-c2.webm'), Buffer.from('tampered'));
    const result = await run({ to: T0 + 3 * DAY });
    expect(result).toMatchObject({ recordings: 1, problems: 2 });
    const manifest = JSON.parse((await readZip(result.file)).get('manifest.json')!.toString('utf8')) as { recordings: ManifestRow[] };
    expect(manifest.recordings.map((r) => [r.callId, r.problem])).toEqual([
      ['c1', 'the recording file is missing'],
      ['c2', 'the recording file changed after it was saved'],
    ]);
  });

  it('leaves nothing behind when cancelled', async () => {
    const controller = new AbortController();
    const promise = run({}, { signal: controller.signal, onProgress: (p) => p.done === 1 && controller.abort() });
    await expect(promise).rejects.toBeInstanceOf(ExportCancelledError);
    expect(readdirSync(join(dir, 'exports'))).toEqual([]);
  });

  it('verification catches an archive whose content does not match its manifest', async () => {
    const result = await run({});
    const bytes = readFileSync(result.file);
    const at = bytes.indexOf(fixture.subarray(100, 140));
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(result.file, bytes);
    await expect(verifyExportArchive(result.file)).rejects.toThrow(/does not match its SHA-256|invalid|crc/i);
    expect(existsSync(`${result.file}.part`)).toBe(false);
  });

  // About 4 s of real file work alone; a machine busy with other suites needs more than the default 5 s.
  it('many recordings of changing sizes, read into reused buffers, each arrive whole and unmixed', async () => {
    // Sizes go up and down so reads land in freed buffers of other lengths; a buffer reused before
    // its bytes were written would show up as another recording's content.
    const sources = Array.from({ length: 16 }, (_, n) => Buffer.alloc(((n * 7) % 5) * 700_000 + 1000, n + 10));
    for (const [n, audio] of sources.entries()) await seedRecordedCall(database.db, dir, { callId: `many${n}`, inviteAt: T0 + 30 * DAY + n * 60_000, remoteNumber: '+302100000050', audio });
    const result = await run({ from: T0 + 30 * DAY });
    expect(result).toMatchObject({ recordings: 16, problems: 0 });
    const files = await readZip(result.file);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { recordings: ManifestRow[] };
    expect(manifest.recordings.map((r) => files.get(r.file))).toEqual(sources);
    expect(manifest.recordings.map((r) => r.sha256)).toEqual(sources.map(sha));
    expect(await verifyExportArchive(result.file)).toBe(16);
  }, 30_000);

  it('decrypts recordings encrypted at rest into the archive, and lists one whose key is gone as a problem', async () => {
    const key = newRecordingKey();
    const lost = newRecordingKey();
    const audio = Buffer.concat([fixture, Buffer.from('sealed')]);
    await seedRecordedCall(database.db, dir, { callId: 'sealed', inviteAt: T0 + 40 * DAY, remoteNumber: '+302100000060', audio, encryptWith: key });
    await seedRecordedCall(database.db, dir, { callId: 'orphan', inviteAt: T0 + 41 * DAY, remoteNumber: '+302100000061', audio: fixture, encryptWith: lost });
    const result = await run({ from: T0 + 40 * DAY }, { keys: (id) => (id === key.id ? key : null) });
    expect(result).toMatchObject({ recordings: 1, problems: 1 });
    const files = await readZip(result.file);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { recordings: ManifestRow[] };
    expect(manifest.recordings.map((r) => [r.callId, r.problem])).toEqual([
      ['sealed', ''],
      ['orphan', `the recording is encrypted with a key this computer does not have (key ${lost.id})`],
    ]);
    expect(files.get(manifest.recordings[0]!.file)).toEqual(audio);
    expect(manifest.recordings[0]).toMatchObject({ sha256: sha(audio), recordedSha256: sha(audio) });
    expect(await verifyExportArchive(result.file)).toBe(1);
  });

  it('streams a recording too long to hold in memory, with the same hash', async () => {
    const long = Buffer.alloc(33 * 1024 * 1024, 7);
    await seedRecordedCall(database.db, dir, { callId: 'long', inviteAt: T0 + 20 * DAY, remoteNumber: '+302100000077', audio: long });
    const result = await run({ from: T0 + 20 * DAY });
    const manifest = JSON.parse((await readZip(result.file)).get('manifest.json')!.toString('utf8')) as { recordings: ManifestRow[] };
    expect(manifest.recordings).toMatchObject([{ callId: 'long', bytes: long.length, sha256: sha(long), problem: '' }]);
  });
});
