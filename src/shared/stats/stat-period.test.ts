import { describe, expect, it } from 'vitest';
import { periodOf, splitIntoLocalDays } from './stat-period.ts';

const iso = (p: { from: number; to: number }) => [new Date(p.from).toISOString(), new Date(p.to).toISOString()];

describe('statistics periods in the office’s time zone', () => {
  it('today in Athens and Moscow is from local midnight to the next', () => {
    const now = Date.parse('2026-07-15T21:30:00Z'); // 00:30 on the 16th in Athens (UTC+3) and Moscow (UTC+3)
    expect(iso(periodOf('today', now, 'Europe/Athens'))).toEqual(['2026-07-15T21:00:00.000Z', '2026-07-16T21:00:00.000Z']);
    expect(iso(periodOf('today', now, 'Europe/Moscow'))).toEqual(['2026-07-15T21:00:00.000Z', '2026-07-16T21:00:00.000Z']);
    expect(iso(periodOf('today', now, 'UTC'))).toEqual(['2026-07-15T00:00:00.000Z', '2026-07-16T00:00:00.000Z']);
  });

  it('a week is Monday to Monday; a Sunday late call belongs to the week it ends', () => {
    const sundayLate = Date.parse('2026-11-29T21:59:00Z'); // Sunday 23:59 in Athens (UTC+2)
    expect(iso(periodOf('week', sundayLate, 'Europe/Athens'))).toEqual(['2026-11-22T22:00:00.000Z', '2026-11-29T22:00:00.000Z']);
    const mondayEarly = Date.parse('2026-11-29T22:00:00Z'); // Monday 00:00 in Athens
    expect(iso(periodOf('week', mondayEarly, 'Europe/Athens'))).toEqual(['2026-11-29T22:00:00.000Z', '2026-12-06T22:00:00.000Z']);
  });

  it('a day, week or month across the change to winter time is 25 hours longer where the clocks go back', () => {
    // Athens leaves summer time on Sunday 25 October 2026 (04:00 EEST → 03:00 EET).
    const changeDay = periodOf('today', Date.parse('2026-10-25T12:00:00Z'), 'Europe/Athens');
    expect(iso(changeDay)).toEqual(['2026-10-24T21:00:00.000Z', '2026-10-25T22:00:00.000Z']);
    expect(changeDay.to - changeDay.from).toBe(25 * 3600_000);
    expect(iso(periodOf('month', Date.parse('2026-10-10T12:00:00Z'), 'Europe/Athens'))).toEqual(['2026-09-30T21:00:00.000Z', '2026-10-31T22:00:00.000Z']);
    expect(iso(periodOf('month', Date.parse('2026-12-31T23:30:00Z'), 'Europe/Athens'))).toEqual(['2026-12-31T22:00:00.000Z', '2027-01-31T22:00:00.000Z']);
  });
});

describe('a period cut into whole local days', () => {
  const ATHENS = 'Europe/Athens';
  it('gives the whole days inside and the partial edges, with the 25-hour day when summer time ends', () => {
    // Saturday 24 October 2026 00:00 in Athens (UTC+3) to Tuesday 27 October 00:00 (UTC+2).
    const from = Date.UTC(2026, 9, 23, 21);
    const to = Date.UTC(2026, 9, 26, 22);
    const { days, edges } = splitIntoLocalDays({ from, to }, ATHENS);
    expect(edges).toEqual([]);
    expect(days.map((d) => (d.to - d.from) / 3_600_000)).toEqual([24, 25, 24]);
    expect(days[0]!.from).toBe(from);
    expect(days.at(-1)!.to).toBe(to);
    const ragged = splitIntoLocalDays({ from: from + 3_600_000, to: to - 1 }, ATHENS);
    expect(ragged.edges).toEqual([
      { from: from + 3_600_000, to: from + 24 * 3_600_000 },
      { from: Date.UTC(2026, 9, 25, 22), to: to - 1 },
    ]);
    expect(ragged.days).toHaveLength(1);
  });
  it('leaves a period inside one day as a single edge', () => {
    const noon = Date.UTC(2026, 10, 18, 10);
    expect(splitIntoLocalDays({ from: noon, to: noon + 3_600_000 }, ATHENS)).toEqual({ days: [], edges: [{ from: noon, to: noon + 3_600_000 }] });
  });
});
