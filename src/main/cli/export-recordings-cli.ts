import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { commandLineActor } from '../../shared/calls/command-line-actor.ts';
import type { Clock } from '../../shared/clock.ts';
import { exportFilterSchema, exportFormatSchema, type ExportFilter } from '../../shared/ipc/recordings.ts';
import { defaultSettings, type Settings } from '../../shared/ipc/settings.ts';
import { createAuditLog } from '../admin/audit-log.ts';
import { openDatabase } from '../db/open-database.ts';
import type { ManifestLocale } from '../recordings/export-manifest.ts';
import { exportRecordings } from '../recordings/export-recordings.ts';
import { createKeyFileRecordingKeyStore } from '../recordings/recording-key-store.ts';
import { upgradeSettingsFile } from '../settings/settings-file.ts';
import { countNoun } from '../../shared/text/count-noun.ts';
import type { CliIo } from './import-contacts-cli.ts';
import { describeIssues } from '../../shared/validation/describe-issues.ts';

const usage = `Usage: npm run export-recordings -- --data-dir DIR --out FILE.zip [filters] [--format webm|wav] [--key-file FILE]
Filters (any mix): --from YYYY-MM-DD  --to YYYY-MM-DD (included)  --last-days N
                   --agent sip:101@pbx  --client "name or number"  --outcome sold
--key-file: the recordings key file (browser mode's recordingKeyFile), to export encrypted recordings.`;

/**
 * Scheduled exports (cron, Task Scheduler): the same archive, manifests, verification and audit
 * entry as the Admin screen. Exit code: 0 exported, 2 exported but some files were missing, 1 failed.
 */
export async function runExportRecordingsCli(argv: string[], io: CliIo, clock: Clock): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'last-days': { type: 'string' },
        agent: { type: 'string' },
        client: { type: 'string' },
        outcome: { type: 'string' },
        format: { type: 'string', default: 'webm' },
        'key-file': { type: 'string' },
      },
    }).values;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 1;
  }
  if (!values['data-dir'] || !values.out) {
    io.err(usage);
    return 1;
  }
  let filter: ExportFilter;
  let format;
  try {
    const from = values['last-days'] !== undefined ? localDay(clock.now(), -Number(values['last-days'])) : values.from && parseDay(values.from, 0, '--from');
    const to = values.to && parseDay(values.to, 1, '--to');
    filter = exportFilterSchema.parse({
      ...(from !== undefined && from !== '' && { from }),
      ...(to && { to }),
      ...(values.agent && { agent: values.agent }),
      ...(values.client && { client: values.client }),
      ...(values.outcome && { outcome: values.outcome }),
    });
    format = exportFormatSchema.parse(values.format);
  } catch (error) {
    io.err(`${readable(error)}\n${usage}`);
    return 1;
  }
  const dataDir = resolve(values['data-dir']);
  const target = resolve(values.out);
  // Without a key file, encrypted recordings are listed as problems naming their key.
  const keys = createKeyFileRecordingKeyStore(values['key-file'] && resolve(values['key-file']));
  const database = await openDatabase(join(dataDir, 'ringside.sqlite'));
  try {
    let last = -1;
    const result = await exportRecordings({
      db: database.db,
      dataDir,
      keys: (id) => keys.find(id),
      clock,
      filter,
      format,
      locale: manifestLocale(dataDir, io),
      target,
      onProgress: (p) => {
        const percent = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100);
        if (p.phase === 'writing' && percent >= last + 10) {
          last = percent;
          io.out(`${p.done}/${p.total} recordings`);
        }
        if (p.phase === 'verifying') io.out('Checking the archive…');
      },
    });
    await createAuditLog({ db: database.db, clock }).record(commandLineActor(userInfo().username), 'export', {
      filter,
      format,
      file: target,
      calls: result.calls,
      recordings: result.recordings,
      problems: result.problems,
      bytes: result.bytes,
    });
    io.out(`Exported ${countNoun(result.recordings, 'recording')} of ${countNoun(result.calls, 'call')} to ${target}; the archive was checked.`);
    if (result.problems > 0) io.out(`${countNoun(result.problems, 'recording')} could not be included: see manifest.csv.`);
    return result.problems > 0 ? 2 : 0;
  } catch (error) {
    io.err(`The export failed: ${readable(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}

/** A local calendar day (as an office reads dates), plus some days. */
function parseDay(text: string, plusDays: number, option: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`${option} must be a date like 2026-11-01`);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).getTime();
}

function localDay(now: number, plusDays: number): number {
  if (!Number.isInteger(plusDays)) throw new Error('--last-days must be a whole number');
  const today = new Date(now);
  return new Date(today.getFullYear(), today.getMonth(), today.getDate() + plusDays).getTime();
}

function readable(error: unknown): string {
  if (error instanceof ZodError) return describeIssues(error.issues);
  return error instanceof Error ? error.message : String(error);
}

/**
 * The manifest's columns for people in the office's language and region, read from the data
 * folder's settings as the app would; read only, as a broken file is for the app to set aside.
 */
function manifestLocale(dataDir: string, io: CliIo): ManifestLocale {
  const file = join(dataDir, 'settings.json');
  let settings: Settings = defaultSettings;
  try {
    if (existsSync(file)) settings = upgradeSettingsFile(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    io.err(`settings.json could not be read (${readable(error)}): dates and numbers for people are written in English for region ${defaultSettings.defaultRegion}.`);
  }
  return { language: settings.language, region: settings.defaultRegion, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}
