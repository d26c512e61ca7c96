import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';
import { createContactRepository } from './contact-repository.ts';
import { createSqliteCardLookup } from './sqlite-card-lookup.ts';
import { importContactsCsv } from './import-contacts-csv.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('importContactsCsv', () => {
  let database: OpenedDatabase;
  beforeEach(async () => {
    database = await openDatabase(':memory:');
  });
  afterEach(() => database.close());

  it('imports an Excel CSV with BOM, semicolons and Cyrillic, reporting bad rows by line', async () => {
    const report = await importContactsCsv({ db: database.db, clock: systemClock, region: 'RU' }, fixture('excel-ru-semicolon-bom.csv'));
    expect(report.imported).toBe(2);
    expect(report.rejected).toEqual([
      { line: 4, code: 'no-name-or-phone', params: {}, reason: 'no name and no phone' },
      { line: 5, code: 'bad-email', params: { email: 'плохой-адрес' }, reason: 'invalid e-mail "плохой-адрес"' },
      { line: 6, code: 'number-twice', params: { number: '+74951234567', firstLine: 2 }, reason: 'the number +74951234567 is already on line 2' },
    ]);
    const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'RU' });
    const card = await repo.cardForNumber('+74951234567');
    expect(card.match).toBe('number');
    expect(card.contact).toMatchObject({ name: 'Иванов Пётр Сергеевич', organization: 'ООО "Вентура"', position: 'Директор', category: 'A' });
    const anna = await repo.cardForNumber('84957654321');
    expect(anna.contact?.name).toBe('Смирнова Анна');
    expect(anna.contact?.phones.map((p) => p.number)).toEqual(['+79165551234', '+74957654321']);
    expect(anna.contact?.category).toBe('B');
  });

  it('imports Greek with commas and quoted commas, and updates instead of duplicating on re-import', async () => {
    const deps = { db: database.db, clock: systemClock, region: 'GR' };
    const first = await importContactsCsv(deps, fixture('greek-comma.csv'));
    expect(first).toMatchObject({ imported: 2, updated: 0 });
    expect(first.rejected).toEqual([{ line: 4, code: 'number-twice', params: { number: '+302101234567', firstLine: 2 }, reason: 'the number +302101234567 is already on line 2' }]);
    const again = await importContactsCsv(deps, fixture('greek-comma.csv'));
    expect(again).toMatchObject({ imported: 0, updated: 2 });
    const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
    expect((await repo.search('ΓΙΩΡΓΟΣ', 10)).map((c) => c.organization)).toEqual(['Ventura, Κουφώματα']);
    expect(await repo.search('', 10)).toHaveLength(2);
  });

  it('reports a phone that is not a number by line instead of importing the contact without it', async () => {
    const csv = 'Όνομα;Τηλέφωνο;Email;Κατηγορία;Σημειώσεις\r\nΔημήτρης;abc-not-a-number;;;\r\nΕλένη;694 123 4567, τηλ. σπιτιού;;;\r\nΝίκος;210 1234567;;;\r\n';
    const report = await importContactsCsv({ db: database.db, clock: systemClock, region: 'GR' }, csv);
    expect(report.imported).toBe(1);
    expect(report.rejected).toEqual([
      { line: 2, code: 'bad-phone', params: { phone: 'abc-not-a-number' }, reason: 'the phone "abc-not-a-number" is not a number' },
      { line: 3, code: 'bad-phone', params: { phone: 'τηλ. σπιτιού' }, reason: 'the phone "τηλ. σπιτιού" is not a number' },
    ]);
    const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
    expect((await repo.search('', 10)).map((c) => c.name)).toEqual(['Νίκος']);
  });

  it('rejects a file with broken quotes as a whole and writes nothing', async () => {
    await expect(importContactsCsv({ db: database.db, clock: systemClock, region: 'GR' }, fixture('broken-quotes.csv'))).rejects.toThrow(/could not be read as CSV/);
    const repo = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
    expect(await repo.search('', 10)).toEqual([]);
  });

  it('refuses a file without a name or phone column, and binary data', async () => {
    await expect(importContactsCsv({ db: database.db, clock: systemClock, region: 'GR' }, 'a,b\n1,2\n')).rejects.toThrow(/No "name" or "phone" column/);
    await expect(importContactsCsv({ db: database.db, clock: systemClock, region: 'GR' }, 'PK\u0003\u0004\u0000\u0000')).rejects.toThrow(/not a text CSV/);
  });
});
