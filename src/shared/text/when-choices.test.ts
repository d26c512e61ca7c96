import { describe, expect, it } from 'vitest';
import { dayChoices, dayLabel, defaultTimeFor, msToWhen, timeChoices, whenToMs } from './when-choices.ts';

// The office's clock: Athens, whose summer time ends on 25 October 2026 (04:00 → 03:00).
process.env.TZ = 'Europe/Athens';
const HOUR = 3_600_000;

describe('when choices', () => {
  it('offers today, tomorrow and the next days, named in each language', () => {
    const now = new Date(2026, 11, 3, 15, 10).getTime();
    const en = dayChoices(now, 'en');
    expect(en).toHaveLength(15);
    expect(en.slice(0, 3)).toEqual([
      { key: '2026-12-03', name: 'today', label: 'Thu 3 Dec' },
      { key: '2026-12-04', name: 'tomorrow', label: 'Fri 4 Dec' },
      { key: '2026-12-05', name: 'later', label: 'Sat 5 Dec' },
    ]);
    expect(en.at(-1)?.key).toBe('2026-12-17');
    expect(dayChoices(now, 'ru')[1]?.label).toBe('пт, 4 дек.');
    expect(dayChoices(now, 'el')[1]?.label).toBe('Παρ 4 Δεκ');
  });

  it('counts days by the calendar across the end of summer time, also from late in the evening', () => {
    const lateSaturday = new Date(2026, 9, 24, 23, 30).getTime();
    expect(dayChoices(lateSaturday, 'en').slice(0, 4).map((d) => d.key)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
  });

  it('offers the working day every half hour in the language’s own clock', () => {
    const en = timeChoices('en');
    expect(en[0]).toEqual({ key: '08:00', label: '8:00' });
    expect(en.at(-1)).toEqual({ key: '20:00', label: '20:00' });
    expect(en).toHaveLength(25);
    expect(timeChoices('ru').find((t) => t.key === '14:30')?.label).toBe('14:30');
    expect(timeChoices('el').find((t) => t.key === '14:30')?.label).toBe('2:30 μ.μ.');
  });

  it('turns a day and a time into the local moment, the clock change included', () => {
    expect(whenToMs('2026-11-25', '10:30')).toBe(new Date(2026, 10, 25, 10, 30).getTime());
    expect(whenToMs('2026-11-25', '10:30')).toBe(Date.UTC(2026, 10, 25, 8, 30));
    // Summer time (UTC+3) on Saturday, winter time (UTC+2) on Monday: 49 hours between the two ten o'clocks.
    expect(whenToMs('2026-10-24', '10:00')).toBe(Date.UTC(2026, 9, 24, 7, 0));
    expect(whenToMs('2026-10-26', '10:00') - whenToMs('2026-10-24', '10:00')).toBe(49 * HOUR);
    expect(msToWhen(whenToMs('2026-10-26', '10:00'))).toEqual({ day: '2026-10-26', time: '10:00' });
    expect(msToWhen(Date.UTC(2026, 9, 25, 1, 30))).toEqual({ day: '2026-10-25', time: '03:30' });
  });

  it('first offers the next half hour today and ten o’clock on another day, within the working day', () => {
    expect(defaultTimeFor('2026-12-03', new Date(2026, 11, 3, 15, 10).getTime())).toBe('15:30');
    expect(defaultTimeFor('2026-12-03', new Date(2026, 11, 3, 15, 30).getTime())).toBe('15:30');
    expect(defaultTimeFor('2026-12-03', new Date(2026, 11, 3, 6, 0).getTime())).toBe('08:00');
    expect(defaultTimeFor('2026-12-03', new Date(2026, 11, 3, 22, 0).getTime())).toBe('20:00');
    expect(defaultTimeFor('2026-12-04', new Date(2026, 11, 3, 15, 10).getTime())).toBe('10:00');
  });

  it('names a day outside the list', () => {
    expect(dayLabel('2026-11-25', 'ru')).toBe('ср, 25 нояб.');
  });
});
