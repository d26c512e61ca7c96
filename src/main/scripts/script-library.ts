import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallScript, ScriptLocale } from '../../shared/scripts/call-script.ts';
import { parseCallScript } from '../../shared/scripts/parse-call-script.ts';
import type { Logger } from '../../shared/logger.ts';

export interface ScriptSummary {
  id: string;
  locale: ScriptLocale;
  name: string;
}

export interface ScriptLibrary {
  list(): ScriptSummary[];
  get(id: string, locale: ScriptLocale): CallScript | null;
}

/** The scripts shipped in resources/scripts (<id>.<locale>.json), read and checked once at start. */
export function loadScriptLibrary(folder: string, log: Logger): ScriptLibrary {
  const scripts: CallScript[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    log.error('The shipped scripts cannot be read', { folder, error: error instanceof Error ? error.message : String(error) });
  }
  for (const file of files) {
    const parsed = parseCallScript(readFileSync(join(folder, file), 'utf8'));
    if (parsed.ok) scripts.push(parsed.script);
    else log.error('A shipped script is not valid', { file, errors: parsed.errors });
  }
  return {
    list: () => scripts.map((s) => ({ id: s.id, locale: s.locale, name: s.name })),
    get: (id, locale) => scripts.find((s) => s.id === id && s.locale === locale) ?? null,
  };
}
