import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallScript } from '../../shared/scripts/call-script.ts';
import { fillPlaceholders } from '../../shared/scripts/fill-placeholders.ts';
import { parseCallScript } from '../../shared/scripts/parse-call-script.ts';

const folder = resolve(import.meta.dirname, '../../../resources/scripts');
const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
const load = (file: string): CallScript => {
  const parsed = parseCallScript(readFileSync(join(folder, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
  return parsed.script;
};
/** Stage, checklist and question ids: the same in every language, so statistics compare. */
const shape = (s: CallScript) => s.stages.map((st) => [st.id, st.kind, st.checklist.map((c) => c.id), st.questions.map((q) => [q.id, q.field, q.choices.length])]);

describe('shipped scripts', () => {
  it('every file is valid and named <id>.<locale>.json', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const script = load(file);
      expect(file).toBe(`${script.id}.${script.locale}.json`);
    }
  });

  it('each script exists in English, Russian and Greek with the same stages, checklists and questions', () => {
    const ids = new Set(files.map((f) => f.split('.')[0]!));
    for (const id of ids) {
      const [en, ru, el] = (['en', 'ru', 'el'] as const).map((locale) => load(`${id}.${locale}.json`));
      expect(shape(ru!)).toEqual(shape(en!));
      expect(shape(el!)).toEqual(shape(en!));
    }
  });

  it('greets by the rule (R2) in each language once filled in', () => {
    const values = { company: 'Ventura', activity: 'windows', agentName: 'Maria' };
    const greeting = (locale: string) => fillPlaceholders(load(`inbound-sales.${locale}.json`).stages[0]!.say[0]!, values);
    expect(greeting('en')).toBe('Good morning! Ventura, windows. This is Maria. How can I help you?');
    expect(greeting('ru')).toBe('Добрый день! Компания «Ventura», windows. Меня зовут Maria. Чем могу Вам помочь?');
    expect(greeting('el')).toBe('Καλημέρα σας! Ventura, windows. Με λένε Maria. Πώς μπορώ να σας εξυπηρετήσω;');
    expect(fillPlaceholders(load('inbound-sales.ru.json').stages[0]!.say[0]!, { ...values, holidayWish: 'С Новым годом!' })).toMatch(/^Добрый день! С Новым годом! Компания/);
  });
});
