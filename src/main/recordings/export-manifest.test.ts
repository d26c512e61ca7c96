import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { manifestCsvChunks, manifestJsonChunks, manifestRow, type ManifestRow } from './export-manifest.ts';
import type { SelectedRecording } from './recording-selection.ts';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

function rowsOf(count: number): ManifestRow[] {
  return Array.from({ length: count }, (_, i) => {
    const recording: SelectedRecording = {
      recordingId: `rec-${i}`, callId: `call-${i}`, file: `recordings/seed/rec-${i}.webm`, status: 'final', startedAt: T0 + i * 60_000 + 5000, durationMs: 61_234, bytes: 1000 + i,
      sha256: 'a'.repeat(64), inviteAt: T0 + i * 60_000, answeredAt: T0 + i * 60_000 + 5000, talkMs: 60_000, direction: 'inbound', remoteNumber: '+79161234567', remoteE164: '+79161234567',
      remoteDisplayName: i % 7 === 0 ? '=HYPERLINK("x"), "quoted"\nline' : 'Ольга', contactName: i % 2 ? 'Ηλίας Παπαδόπουλος' : null, organization: 'Север', agent: 'sip:101@office.example',
      outcome: 'sold', consentAnnouncement: null, consentBeepSeconds: null,
    };
    return manifestRow(recording, { file: `recordings/${i}.webm`, format: 'webm', bytes: 1000 + i, sha256: 'b'.repeat(64), problem: i % 5 ? '' : 'the recording file changed after it was saved' }, { language: 'ru', region: 'RU', timeZone: 'Europe/Moscow' });
  });
}

const joined = (chunks: Iterable<Buffer>) => Buffer.concat([...chunks]);

describe('manifests made a piece at a time', () => {
  const meta = { exportedAt: T0 + 3_600_000, filter: { from: T0, agent: 'sip:101@office.example' }, format: 'webm' as const };

  it.each([0, 1, 199, 200, 450])('manifest.json with %i rows is byte for byte the whole document indented by two spaces, in pieces', (count) => {
    const rows = rowsOf(count);
    const chunks = [...manifestJsonChunks(rows, meta)];
    expect(joined(chunks).toString('utf8')).toBe(JSON.stringify({ exportedAt: new Date(meta.exportedAt).toISOString(), filter: meta.filter, format: 'webm', recordings: rows }, null, 2));
    expect(chunks.length).toBeGreaterThanOrEqual(count > 200 ? 4 : 1);
  });

  it.each([0, 1, 450])('manifest.csv with %i rows is the whole table with its header and byte-order mark, a formula-looking cell kept as text', (count) => {
    const rows = rowsOf(count);
    const csv = joined(manifestCsvChunks(rows));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const safe = (value: unknown) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    const whole = stringify(
      rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safe(v)]))),
      { header: true, columns: Object.keys(rowsOf(1)[0]!), record_delimiter: '\r\n' },
    );
    expect(csv.subarray(3).toString('utf8')).toBe(whole);
    if (count > 0) expect(csv.toString('utf8')).toContain(`"'=HYPERLINK(""x""), ""quoted""\nline"`);
  });
});
