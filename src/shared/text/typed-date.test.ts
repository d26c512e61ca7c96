import { describe, expect, it } from 'vitest';
import { parseTypedDate, typedDateText } from './typed-date.ts';

describe('typed dates', () => {
  it('writes a day in each language’s own digits and order', () => {
    expect(typedDateText('2026-03-05', 'en')).toBe('05/03/2026');
    expect(typedDateText('2026-03-05', 'ru')).toBe('05.03.2026');
    expect(typedDateText('2026-03-05', 'el')).toBe('05/03/2026');
  });

  it('reads day before month in every language, with any usual separator, short forms included', () => {
    for (const language of ['en', 'ru', 'el'] as const) {
      expect(parseTypedDate(typedDateText('2026-03-05', language), language)).toEqual({ kind: 'date', iso: '2026-03-05' });
      expect(parseTypedDate('5.3.2026', language)).toEqual({ kind: 'date', iso: '2026-03-05' });
      expect(parseTypedDate(' 5/3/26 ', language)).toEqual({ kind: 'date', iso: '2026-03-05' });
      expect(parseTypedDate('29-02-2028', language)).toEqual({ kind: 'date', iso: '2028-02-29' });
    }
  });

  it('says empty for nothing typed and refuses what is not a calendar day', () => {
    expect(parseTypedDate('  ', 'ru')).toEqual({ kind: 'empty' });
    for (const text of ['31.02.2026', '29.02.2026', '12/31/2026', '2026-03-05', '5.3', '5.3.202', 'завтра', '00.01.2026', '5.3.0050']) {
      expect(parseTypedDate(text, 'ru'), text).toEqual({ kind: 'invalid' });
      expect(parseTypedDate(text, 'el'), text).toEqual({ kind: 'invalid' });
      expect(parseTypedDate(text, 'en'), text).toEqual({ kind: 'invalid' });
    }
  });
});
