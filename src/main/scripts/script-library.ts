import type { CallScript, ScriptLocale } from '../../shared/scripts/call-script.ts';
import { parseCallScript } from '../../shared/scripts/parse-call-script.ts';
import type { Logger } from '../../shared/logger.ts';
import { readBundledFiles } from '../app/read-bundled-files.ts';

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
  const scripts = readBundledFiles(
    folder,
    'shipped scripts',
    (text) => {
      const parsed = parseCallScript(text);
      return parsed.ok ? { ok: true, value: parsed.script } : parsed;
    },
    log,
  );
  return {
    list: () => scripts.map((s) => ({ id: s.id, locale: s.locale, name: s.name })),
    get: (id, locale) => scripts.find((s) => s.id === id && s.locale === locale) ?? null,
  };
}
