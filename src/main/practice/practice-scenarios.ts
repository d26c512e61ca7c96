import type { ScriptLocale } from '../../shared/scripts/call-script.ts';
import { readBundledFiles } from '../app/read-bundled-files.ts';
import { practiceScenarioSchema, type PracticeScenario } from '../../shared/scripts/practice-scenario.ts';
import { describeIssues } from '../../shared/validation/describe-issues.ts';
import type { Logger } from '../../shared/logger.ts';

export interface PracticeScenarios {
  /** The scenario that rehearses this script in this language; else another in it; else an English one. */
  forScript(scriptId: string, locale: ScriptLocale): PracticeScenario | null;
}

/** The practice callers shipped in resources/practice (<id>.<locale>.json), read and checked once. */
export function loadPracticeScenarios(folder: string, log: Logger): PracticeScenarios {
  const scenarios = readBundledFiles(
    folder,
    'practice scenarios',
    (text) => {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        return { ok: false, errors: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
      }
      const parsed = practiceScenarioSchema.safeParse(raw);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: [describeIssues(parsed.error.issues)] };
    },
    log,
  );
  return {
    forScript: (scriptId, locale) =>
      scenarios.find((s) => s.scriptId === scriptId && s.locale === locale) ??
      scenarios.find((s) => s.locale === locale) ??
      scenarios.find((s) => s.locale === 'en') ??
      null,
  };
}
