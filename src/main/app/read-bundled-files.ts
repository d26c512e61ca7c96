import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../shared/logger.ts';

export type FileCheck<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * The `.json` files of a folder shipped with Ringside, in name order, each checked by `check`. A
 * file that cannot be read or does not pass is logged (naming `what` and the file) and left out.
 */
export function readBundledFiles<T>(folder: string, what: string, check: (text: string) => FileCheck<T>, log: Logger): T[] {
  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
  let files: string[] = [];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    log.error(`The ${what} cannot be read`, { folder, error: describe(error) });
  }
  const values: T[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(folder, file), 'utf8');
    } catch (error) {
      log.error(`A file of the ${what} cannot be read`, { file, error: describe(error) });
      continue;
    }
    const checked = check(text);
    if (checked.ok) values.push(checked.value);
    else log.error(`A file of the ${what} is not valid`, { file, errors: checked.errors });
  }
  return values;
}
