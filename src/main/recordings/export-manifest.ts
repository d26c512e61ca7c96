import { stringify } from 'csv-stringify/sync';
import { formatPhoneForDisplay } from '../../shared/contacts/format-phone-for-display.ts';
import type { UiLanguage } from '../../shared/ipc/settings.ts';
import { dateTimeText } from '../../shared/text/date-time-text.ts';
import type { SelectedRecording } from './recording-selection.ts';

/**
 * How the columns for people are written: the office's screen language and region, and the time
 * zone of the office's machine. The machine columns beside them (ISO 8601 UTC, E.164) never change.
 */
export interface ManifestLocale {
  language: UiLanguage;
  region: string;
  timeZone: string;
}

/** One exported recording: the call's facts and the hash of the file as it is in the archive. */
export interface ManifestRow {
  callId: string;
  recordingId: string;
  /** Path inside the archive; empty when the file could not be exported (see `problem`). */
  file: string;
  callArrivedAt: string;
  /** "3 дек. 2026 г., 17:05": when the call came, as the office's screens show it. */
  callArrivedAsShown: string;
  recordingStartedAt: string;
  durationSeconds: number | null;
  talkSeconds: number | null;
  direction: string;
  number: string;
  /** "8 (916) 123-45-67": the number as the office's screens show it. */
  numberAsShown: string;
  client: string;
  organization: string;
  displayName: string;
  agent: string;
  outcome: string;
  recordingStatus: 'final' | 'recovered';
  consentAnnouncement: string;
  consentBeepSeconds: number | null;
  format: 'webm' | 'wav';
  bytes: number;
  sha256: string;
  /** SHA-256 stored when the recording was finished; the source file must still match it. */
  recordedSha256: string;
  problem: string;
}

export function manifestRow(r: SelectedRecording, exported: { file: string; format: 'webm' | 'wav'; bytes: number; sha256: string; problem: string }, locale: ManifestLocale): ManifestRow {
  const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
  const number = r.remoteE164 ?? r.remoteNumber;
  return {
    callId: r.callId,
    recordingId: r.recordingId,
    file: exported.file,
    callArrivedAt: new Date(r.inviteAt).toISOString(),
    callArrivedAsShown: dateTimeText(r.inviteAt, locale.language, 'date-time', locale.timeZone),
    recordingStartedAt: new Date(r.startedAt).toISOString(),
    durationSeconds: seconds(r.durationMs),
    talkSeconds: seconds(r.talkMs),
    direction: r.direction,
    number,
    numberAsShown: formatPhoneForDisplay(number, locale.region),
    client: r.contactName ?? '',
    organization: r.organization ?? '',
    displayName: r.remoteDisplayName,
    agent: r.agent,
    outcome: r.outcome ?? '',
    recordingStatus: r.status,
    consentAnnouncement: r.consentAnnouncement ?? '',
    consentBeepSeconds: r.consentBeepSeconds,
    format: exported.format,
    bytes: exported.bytes,
    sha256: exported.sha256,
    recordedSha256: r.sha256 ?? '',
    problem: exported.problem,
  };
}

/** Rows per piece of a manifest: its text is made a piece at a time, never whole in memory. */
const ROWS_PER_CHUNK = 200;

/** UTF-8 with a byte-order mark, so Excel opens Cyrillic and Greek names as written; in pieces of rows. */
export function* manifestCsvChunks(rows: readonly ManifestRow[]): Generator<Buffer> {
  // A cell starting with = + - @ would run as a formula in Excel: a hostile display name must stay text.
  const safe = (value: unknown) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  yield Buffer.from([0xef, 0xbb, 0xbf]);
  for (let start = 0; start === 0 || start < rows.length; start += ROWS_PER_CHUNK) {
    const part = rows.slice(start, start + ROWS_PER_CHUNK).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safe(v)])));
    yield Buffer.from(stringify(part, { header: start === 0, columns: Object.keys(COLUMNS), record_delimiter: '\r\n' }), 'utf8');
  }
}

/** manifest.json (indented by two spaces), in pieces of rows. */
export function* manifestJsonChunks(rows: readonly ManifestRow[], meta: { exportedAt: number; filter: unknown; format: 'webm' | 'wav' }): Generator<Buffer> {
  const head = JSON.stringify({ exportedAt: new Date(meta.exportedAt).toISOString(), filter: meta.filter, format: meta.format }, null, 2);
  if (rows.length === 0) {
    yield Buffer.from(`${head.slice(0, -2)},\n  "recordings": []\n}`, 'utf8');
    return;
  }
  yield Buffer.from(`${head.slice(0, -2)},\n  "recordings": [`, 'utf8');
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    const part = rows.slice(start, start + ROWS_PER_CHUNK).map((row, i) => `${start + i === 0 ? '' : ','}\n    ${JSON.stringify(row, null, 2).replaceAll('\n', '\n    ')}`);
    yield Buffer.from(part.join(''), 'utf8');
  }
  yield Buffer.from('\n  ]\n}', 'utf8');
}

/** Every field, in column order; the Record type makes a new field fail to compile until listed. */
const COLUMNS: Record<keyof ManifestRow, true> = {
  callId: true, recordingId: true, file: true, callArrivedAt: true, callArrivedAsShown: true, recordingStartedAt: true, durationSeconds: true, talkSeconds: true,
  direction: true, number: true, numberAsShown: true, client: true, organization: true, displayName: true, agent: true, outcome: true, recordingStatus: true,
  consentAnnouncement: true, consentBeepSeconds: true, format: true, bytes: true, sha256: true, recordedSha256: true, problem: true,
};
