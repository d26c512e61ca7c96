import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../../shared/clock.ts';
import { importContactsCsv } from '../contacts/import-contacts-csv.ts';
import { openDatabase } from '../db/open-database.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const usage = 'Usage: npm run import-contacts -- <file.csv> --data-dir DIR [--region GR]';

/** Exit code: 0 all rows imported, 2 some rows rejected, 1 nothing could be done. */
export async function runImportContactsCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'data-dir': { type: 'string' }, region: { type: 'string', default: 'GR' } } });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 1;
  }
  const file = parsed.positionals[0];
  const dataDir = parsed.values['data-dir'];
  const region = (parsed.values.region ?? 'GR').toUpperCase();
  if (!file || !dataDir) {
    io.err(usage);
    return 1;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const database = await openDatabase(join(dataDir, 'ringside.sqlite'));
  try {
    const report = await importContactsCsv({ db: database.db, clock: systemClock, region }, text);
    io.out(`Imported ${report.imported} new contacts, updated ${report.updated}, rejected ${report.rejected.length} rows.`);
    for (const row of report.rejected) io.out(`line ${row.line}: ${row.reason}`);
    return report.rejected.length > 0 ? 2 : 0;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await database.close();
  }
}
