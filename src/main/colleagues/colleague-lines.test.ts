import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LineState } from '../../shared/ipc/colleagues.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createColleagueDirectory } from './colleague-directory.ts';
import { colleaguesWithLines } from './colleague-lines.ts';

describe('colleagues with their lines', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  it('shows each line as the phone system says it now, and stores none of it', async () => {
    let n = 0;
    const stored = createColleagueDirectory({ db: database.db, newId: () => `c${++n}` });
    const lines = new Map<string, LineState>([['102', 'busy']]);
    const directory = colleaguesWithLines(stored, (extension) => lines.get(extension) ?? null);
    expect((await directory.save({ id: null, name: 'Νίκος', extension: '102', role: '', handles: '' })).line).toBe('busy');
    await directory.save({ id: null, name: 'Anna', extension: '103', role: '', handles: '' });
    expect((await directory.list()).map((c) => [c.extension, c.line])).toEqual([
      ['103', null],
      ['102', 'busy'],
    ]);
    lines.set('103', 'ringing');
    expect((await directory.list()).map((c) => c.line)).toEqual(['ringing', 'busy']);
    expect((await stored.list()).map((c) => c.line)).toEqual([null, null]);
  });
});
