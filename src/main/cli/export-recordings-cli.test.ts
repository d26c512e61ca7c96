import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPromise } from 'yauzl';
import type { Clock } from '../../shared/clock.ts';
import { silentLogger } from '../../shared/logger.ts';
import { openDatabase } from '../db/open-database.ts';
import { seedRecordedCall } from '../recordings/fixtures/seed-recordings.ts';
import { verifyExportArchive } from '../recordings/verify-export.ts';
import { createKeyFileRecordingKeyStore } from '../recordings/recording-key-store.ts';
import { createSettingsStore } from '../settings/settings-store.ts';
import { runExportRecordingsCli } from './export-recordings-cli.ts';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 22, 18, 0).getTime();
const clock: Clock = { now: () => NOW, setTimeout: () => 0, clearTimeout: () => {} };
const fixture = readFileSync(join(import.meta.dirname, '../recordings/fixtures/mediarecorder-3s.webm'));

describe('export-recordings command', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-export-cli-'));
    const database = await openDatabase(join(dir, 'ringside.sqlite'));
    for (const [n, age] of [[1, 10], [2, 3], [3, 1]] as const) {
      await seedRecordedCall(database.db, dir, { callId: `c${n}`, inviteAt: NOW - age * DAY, remoteNumber: `+3021000000${n}`, audio: Buffer.concat([fixture, Buffer.from([n])]), outcome: n === 3 ? 'sold' : null });
    }
    await database.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runExportRecordingsCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, clock);
    return { code, out, err };
  };

  it('exports the last N days for a scheduled job, verified and audited', async () => {
    const target = join(dir, 'weekly.zip');
    const { code, out } = await run('--data-dir', dir, '--out', target, '--last-days', '7');
    expect(code).toBe(0);
    expect(out.at(-1)).toBe(`Exported 2 recordings of 2 calls to ${target}; the archive was checked.`);
    expect(await verifyExportArchive(target)).toBe(2);
    const database = await openDatabase(join(dir, 'ringside.sqlite'));
    const audit = await database.db.selectFrom('audit_log').select(['actor', 'details']).execute();
    await database.close();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toMatch(/^command line \(/);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ recordings: 2, file: target });
  });

  it('combines an outcome with a date range', async () => {
    const target = join(dir, 'sold.zip');
    const { code } = await run('--data-dir', dir, '--out', target, '--from', '2026-11-01', '--to', '2026-11-30', '--outcome', 'sold', '--format', 'webm');
    expect(code).toBe(0);
    expect(await verifyExportArchive(target)).toBe(1);
  });

  it('exports encrypted recordings with the key file, and names the missing key without it', async () => {
    const keyFile = join(dir, 'recordings.key');
    const key = createKeyFileRecordingKeyStore(keyFile).current();
    const database = await openDatabase(join(dir, 'ringside.sqlite'));
    await seedRecordedCall(database.db, dir, { callId: 'sealed', inviteAt: NOW - DAY / 2, remoteNumber: '+302100000099', audio: fixture, encryptWith: key });
    await database.close();
    const without = await run('--data-dir', dir, '--out', join(dir, 'without.zip'), '--last-days', '1');
    expect(without.code).toBe(2);
    expect(without.out.at(-1)).toBe('1 recording could not be included: see manifest.csv.');
    const withKey = await run('--data-dir', dir, '--out', join(dir, 'with.zip'), '--last-days', '1', '--key-file', keyFile);
    expect(withKey.code).toBe(0);
    expect(await verifyExportArchive(join(dir, 'with.zip'))).toBe(2);
  });

  it("writes the manifest's columns for people in the language and region of the desk's settings", async () => {
    createSettingsStore({ file: join(dir, 'settings.json'), log: silentLogger }).update({ language: 'el', defaultRegion: 'GR' });
    const database = await openDatabase(join(dir, 'ringside.sqlite'));
    await seedRecordedCall(database.db, dir, { callId: 'athens', inviteAt: NOW - DAY / 2, remoteNumber: '+302101234567', audio: fixture });
    await database.close();
    const target = join(dir, 'greek.zip');
    expect((await run('--data-dir', dir, '--out', target, '--from', '2026-11-22')).code).toBe(0);
    const zip = await openPromise(target);
    let manifest = '';
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== 'manifest.json') continue;
      for await (const chunk of await zip.openReadStreamPromise(entry)) manifest += String(chunk);
    }
    zip.close();
    const [row] = (JSON.parse(manifest) as { recordings: { number: string; numberAsShown: string; callArrivedAsShown: string }[] }).recordings;
    expect(row).toMatchObject({ number: '+302101234567', numberAsShown: '21 0123 4567' });
    // 22 November 2026, 06:00 on this machine's clock, in Greek words.
    expect(row!.callArrivedAsShown).toMatch(/^22 Νοε 2026, 6:00 π\.μ\.$/);
  });

  it('explains bad options and exports nothing', async () => {
    expect((await run('--data-dir', dir)).err[0]).toMatch(/^Usage:/);
    const badDate = await run('--data-dir', dir, '--out', join(dir, 'x.zip'), '--from', '1/11/2026');
    expect(badDate.code).toBe(1);
    expect(badDate.err[0]).toContain('--from must be a date like 2026-11-01');
    const badOutcome = await run('--data-dir', dir, '--out', join(dir, 'x.zip'), '--outcome', 'great');
    expect(badOutcome.code).toBe(1);
    expect(badOutcome.err[0]).toMatch(/^outcome: /);
  });
});
