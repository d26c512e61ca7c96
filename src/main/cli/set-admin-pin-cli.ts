import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMAND_LINE } from '../../shared/calls/command-line-actor.ts';
import { systemClock, type Clock } from '../../shared/clock.ts';
import { adminPinSchema } from '../../shared/ipc/admin.ts';
import { createAdminPin } from '../admin/admin-pin.ts';
import { createAuditLog } from '../admin/audit-log.ts';
import { openDatabase } from '../db/open-database.ts';
import type { CliIo } from './import-contacts-cli.ts';

/** Asks for a line the screen must not show (the PIN); never taken from the command line, so it stays out of shell history. */
export type ReadSecret = (prompt: string) => Promise<string>;

const usage = 'Usage: npm run set-admin-pin -- --data-dir DIR [--replace]   (the PIN is asked for, or read from standard input)';

/**
 * Sets the desk's first admin PIN in the data folder's database, as the Admin screen stores it.
 * With --replace it also replaces a PIN that is set (a forgotten PIN): whoever can run this holds
 * the data folder anyway. Exit code 0: set; 1: nothing was changed.
 */
export async function runSetAdminPinCli(argv: string[], io: CliIo, readSecret: ReadSecret, clock: Clock = systemClock): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, replace: { type: 'boolean', default: false } } });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 1;
  }
  const dataDir = parsed.values['data-dir'];
  if (!dataDir) {
    io.err(usage);
    return 1;
  }
  if (!existsSync(dataDir)) {
    io.err(`There is no data folder at ${dataDir}.`);
    return 1;
  }
  const database = await openDatabase(join(dataDir, 'ringside.sqlite'));
  try {
    const pin = createAdminPin({ db: database.db, clock });
    if ((await pin.isSet()) && !parsed.values.replace) {
      io.err('An admin PIN is already set: change it under Admin, or add --replace to replace a forgotten one.');
      return 1;
    }
    const first = await readSecret('New admin PIN (4 to 12 digits): ');
    if (!adminPinSchema.safeParse(first).success) {
      io.err('The admin PIN is 4 to 12 digits. Nothing was changed.');
      return 1;
    }
    const again = await readSecret('Repeat the PIN: ');
    if (again !== first) {
      io.err('The two PINs differ. Nothing was changed.');
      return 1;
    }
    const result = await pin.replace(first);
    await createAuditLog({ db: database.db, clock }).record(COMMAND_LINE, result === 'set' ? 'admin-pin-set' : 'admin-pin-changed', { from: COMMAND_LINE });
    io.out(result === 'set' ? 'The admin PIN is set.' : 'The admin PIN is replaced.');
    return 0;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await database.close();
  }
}
