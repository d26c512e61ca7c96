import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../shared/logger.ts';
import { practiceClipPath } from '../../shared/scripts/practice-scenario.ts';
import { loadPracticeScenarios } from './practice-scenarios.ts';

const resources = resolve(import.meta.dirname, '../../../resources');
const scriptIds = new Set(readdirSync(join(resources, 'scripts')).map((f) => f.split('.')[0]!));

function recordingLog() {
  const errors: string[] = [];
  const log: Logger = { debug() {}, info() {}, warn() {}, error: (message) => errors.push(message), child: () => log };
  return { log, errors };
}

describe('shipped practice scenarios', () => {
  it('every shipped script has a practice caller in English, Russian and Greek, each with every clip on disk', () => {
    const { log, errors } = recordingLog();
    const scenarios = loadPracticeScenarios(join(resources, 'practice'), log);
    expect(errors).toEqual([]);
    for (const scriptId of scriptIds) {
      for (const locale of ['en', 'ru', 'el'] as const) {
        const scenario = scenarios.forScript(scriptId, locale);
        expect(scenario).toMatchObject({ scriptId, locale });
        for (const line of scenario!.lines) expect(existsSync(join(resources, practiceClipPath(scenario!, line.id))), line.id).toBe(true);
      }
    }
  });
});

describe('loadPracticeScenarios', () => {
  it('skips a broken file with an error naming it, and falls back to a scenario in the same language', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ringside-practice-'));
    writeFileSync(join(folder, 'broken.en.json'), '{ "version": 1, ');
    writeFileSync(join(folder, 'bad.ru.json'), JSON.stringify({ version: 1, id: 'x', scriptId: 'x', locale: 'ru', caller: { displayName: '', number: 'abc' }, firstPauseMs: 0, lines: [] }));
    writeFileSync(
      join(folder, 'reception.ru.json'),
      JSON.stringify({ version: 1, id: 'reception', scriptId: 'reception', locale: 'ru', caller: { displayName: 'Тренировка', number: '+70000000002' }, firstPauseMs: 1000, lines: [{ id: '01', text: 'Здравствуйте!', pauseAfterMs: 1000 }] }),
    );
    const { log, errors } = recordingLog();
    const scenarios = loadPracticeScenarios(folder, log);
    expect(errors).toEqual(['A file of the practice scenarios is not valid', 'A file of the practice scenarios is not valid']);
    expect(scenarios.forScript('inbound-sales', 'ru')?.id).toBe('reception');
    expect(scenarios.forScript('inbound-sales', 'el')).toBeNull();
  });
});
