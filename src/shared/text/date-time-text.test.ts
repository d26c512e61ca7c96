import { describe, expect, it } from 'vitest';
import { dateTimeText, numberText } from './date-time-text.ts';

// Thursday 3 December 2026, 14:05 UTC.
const moment = Date.UTC(2026, 11, 3, 14, 5);

describe('dateTimeText', () => {
  it('writes a moment day first with the month as a word, in each language', () => {
    expect(dateTimeText(moment, 'en', 'date-time', 'UTC')).toBe('3 Dec 2026, 14:05');
    expect(dateTimeText(moment, 'ru', 'date-time', 'UTC')).toBe('3 дек. 2026 г., 14:05');
    expect(dateTimeText(moment, 'el', 'date-time', 'UTC')).toBe('3 Δεκ 2026, 2:05 μ.μ.');
  });

  it('never writes the month first, as en-US would', () => {
    for (const language of ['en', 'ru', 'el'] as const) expect(dateTimeText(moment, language, 'date-time', 'UTC')).not.toMatch(/^12\/3\//);
  });

  it('writes dates, weekdays and days of a month in each language', () => {
    expect(dateTimeText(moment, 'en', 'date', 'UTC')).toBe('3 Dec 2026');
    expect(dateTimeText(moment, 'ru', 'weekday-time', 'UTC')).toBe('чт 14:05');
    expect(dateTimeText(moment, 'el', 'weekday-time', 'UTC')).toBe('Πέμ 02:05 μ.μ.');
    expect(dateTimeText(moment, 'el', 'day-month', 'UTC')).toBe('3 Δεκ');
  });

  it('writes the moment in the time zone it is given', () => {
    expect(dateTimeText(moment, 'ru', 'date-time', 'Europe/Moscow')).toBe('3 дек. 2026 г., 17:05');
    expect(dateTimeText(Date.UTC(2026, 11, 3, 23, 30), 'en', 'date', 'Europe/Athens')).toBe('4 Dec 2026');
  });
});

describe('numberText', () => {
  it("uses the language's decimal sign and grouping", () => {
    expect(numberText(12345.5, 'en', { maximumFractionDigits: 1 })).toBe('12,345.5');
    expect(numberText(1.5, 'ru', { minimumFractionDigits: 1 })).toBe('1,5');
    expect(numberText(12345, 'el')).toBe('12.345');
  });
});
