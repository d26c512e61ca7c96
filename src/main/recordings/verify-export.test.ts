import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPromise } from 'yauzl';
import { systemClock } from '../../shared/clock.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import type { ManifestRow } from './export-manifest.ts';
import { exportRecordings } from './export-recordings.ts';
import { seedRecordedCall } from './fixtures/seed-recordings.ts';
import { verifyExportArchive } from './verify-export.ts';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const fixture = readFileSync(join(import.meta.dirname, 'fixtures/mediarecorder-3s.webm'));

async function manifestJsonOf(file: string): Promise<Buffer> {
  const zip = await openPromise(file);
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== 'manifest.json') continue;
      const parts: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
      return Buffer.concat(parts);
    }
    throw new Error('no manifest.json');
  } finally {
    zip.close();
  }
}

describe('checking an export right after writing it', () => {
  let dir: string;
  let database: OpenedDatabase;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ringside-verify-'));
    database = await openDatabase(join(dir, 'ringside.sqlite'));
    for (let n = 1; n <= 3; n++) await seedRecordedCall(database.db, dir, { callId: `c${n}`, inviteAt: T0 + n * 60_000, remoteNumber: '+302101234567', audio: Buffer.concat([fixture, Buffer.from([n])]) });
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('compares the archived manifest.json with the hash of the one written, without parsing it, and still checks every file', async () => {
    const { file } = await exportRecordings({ db: database.db, dataDir: dir, clock: systemClock, filter: {}, format: 'webm', locale: { language: 'en', region: 'GR', timeZone: 'UTC' }, target: join(dir, 'out.zip') });
    const manifest = await manifestJsonOf(file);
    const rows = (JSON.parse(manifest.toString('utf8')) as { recordings: ManifestRow[] }).recordings;
    const manifestJsonSha256 = createHash('sha256').update(manifest).digest('hex');
    expect(await verifyExportArchive(file, { expected: { rows, manifestJsonSha256 }, thorough: false })).toBe(3);
    await expect(verifyExportArchive(file, { expected: { rows, manifestJsonSha256: '0'.repeat(64) }, thorough: false })).rejects.toThrow('manifest.json differs from what was exported');
    const wrongBytes = rows.map((row, i) => (i === 1 ? { ...row, bytes: row.bytes + 1 } : row));
    await expect(verifyExportArchive(file, { expected: { rows: wrongBytes, manifestJsonSha256 }, thorough: false })).rejects.toThrow('does not match its SHA-256 in the manifest');
  });
});
