import { describe, expect, it } from 'vitest';
import { el } from './locales/el.ts';
import { en } from './locales/en.ts';
import { ru } from './locales/ru.ts';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf key, with plural suffixes gathered: "script.checklistDone" → its plural forms. */
function leaves(tree: Tree, prefix = ''): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') {
      const base = path.replace(PLURAL, '');
      const forms = out.get(base) ?? new Set<string>();
      if (PLURAL.test(path)) forms.add(PLURAL.exec(path)![1]!);
      out.set(base, forms);
    } else for (const [k, v] of leaves(value, `${path}.`)) out.set(k, v);
  }
  return out;
}

describe('UI catalogues', () => {
  const reference = leaves(en);
  for (const [language, catalogue] of Object.entries({ ru, el })) {
    it(`${language} has every English string, each plural in all of ${language}'s plural forms, and nothing extra`, () => {
      const translated = leaves(catalogue);
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      expect([...translated.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, forms] of reference) {
        if (forms.size === 0) continue;
        expect([...(translated.get(key) ?? [])].sort(), key).toEqual([...categories].sort());
      }
    });
  }

  it('keeps the placeholders of each string in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const strings = (tree: Tree, prefix = ''): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`.replace(PLURAL, ''), v] as [string, string]] : strings(v, `${prefix}${k}.`)));
    const english = new Map(strings(en));
    for (const catalogue of [ru, el]) {
      for (const [key, text] of strings(catalogue)) {
        expect(placeholders(text), key).toEqual(placeholders(english.get(key) ?? ''));
      }
    }
  });
});
