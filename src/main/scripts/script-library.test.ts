import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../shared/logger.ts';
import { loadScriptLibrary } from './script-library.ts';

const errors: unknown[] = [];
const log: Logger = { debug() {}, info() {}, warn() {}, error: (...args: unknown[]) => errors.push(args), child: () => log };

describe('script library', () => {
  it('offers the shipped scripts by id and language', () => {
    const library = loadScriptLibrary(resolve(import.meta.dirname, '../../../resources/scripts'), log);
    expect(library.list()).toEqual(expect.arrayContaining([{ id: 'inbound-sales', locale: 'ru', name: 'Входящие продажи (малый бизнес)' }]));
    expect(library.get('inbound-sales', 'el')?.stages[0]?.title).toBe('Χαιρετισμός');
    expect(library.get('nope', 'en')).toBeNull();
  });

  it('skips a broken file with a logged reason, keeping the good ones', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ringside-scripts-'));
    writeFileSync(join(folder, 'broken.en.json'), '{"version": 1, "id": "broken"}');
    const library = loadScriptLibrary(folder, log);
    expect(library.list()).toEqual([]);
    expect(JSON.stringify(errors)).toContain('broken.en.json');
    expect(loadScriptLibrary(join(folder, 'missing'), log).list()).toEqual([]);
  });
});
