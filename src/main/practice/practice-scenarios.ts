import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScriptLocale } from '../../shared/scripts/call-script.ts';
import { practiceScenarioSchema, type PracticeScenario } from '../../shared/scripts/practice-scenario.ts';
import { describeIssues } from '../../shared/validation/describe-issues.ts';
import type { Logger } from '../../shared/logger.ts';

export interface PracticeScenarios {
  /** The scenario that rehearses this script in this language; else another in it; else an English one. */
  forScript(scriptId: string, locale: ScriptLocale): PracticeScenario | null;
}

/** The practice callers shipped in resources/practice (<id>.<locale>.json), read and checked once. */
export function loadPracticeScenarios(folder: string, log: Logger): PracticeScenarios {
  const scenarios: PracticeScenario[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    log.error('The practice scenarios cannot be read', { folder, error: error instanceof Error ? error.message : String(error) });
  }
  for (const file of files) {
    try {
      const parsed = practiceScenarioSchema.safeParse(JSON.parse(readFileSync(join(folder, file), 'utf8')));
      if (parsed.success) scenarios.push(parsed.data);
      else log.error('A practice scenario is not valid', { file, errors: describeIssues(parsed.error.issues) });
    } catch (error) {
      log.error('A practice scenario cannot be read', { file, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return {
    forScript: (scriptId, locale) =>
      scenarios.find((s) => s.scriptId === scriptId && s.locale === locale) ??
      scenarios.find((s) => s.locale === locale) ??
      scenarios.find((s) => s.locale === 'en') ??
      null,
  };
}
