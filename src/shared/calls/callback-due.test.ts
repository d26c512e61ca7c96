import { describe, expect, it } from 'vitest';
import { byDue, callbackDueAt, defaultCallbackPolicy } from './callback-due.ts';

/** The office's clock in UTC for the test: the rule itself is zone-free. */
const utc = {
  localParts: (t: number) => {
    const d = new Date(t);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
  },
  fromLocal: (year: number, month: number, day: number, hour: number) => Date.UTC(year, month - 1, day, hour),
};

describe('call-back due times (R27)', () => {
  const tuesdayNoon = Date.UTC(2026, 11, 1, 12, 0);
  it('hot in 2 minutes, warm in 30, a promise in 15, cold the next working morning at 9', () => {
    expect(callbackDueAt('hot', tuesdayNoon, defaultCallbackPolicy, utc) - tuesdayNoon).toBe(2 * 60_000);
    expect(callbackDueAt('warm', tuesdayNoon, defaultCallbackPolicy, utc) - tuesdayNoon).toBe(30 * 60_000);
    expect(callbackDueAt('promise', tuesdayNoon, defaultCallbackPolicy, utc) - tuesdayNoon).toBe(15 * 60_000);
    expect(callbackDueAt('cold', tuesdayNoon, defaultCallbackPolicy, utc)).toBe(Date.UTC(2026, 11, 2, 9));
  });

  it('a cold lead on Friday, Saturday or Sunday is called on Monday morning; the month rolls over', () => {
    expect(callbackDueAt('cold', Date.UTC(2026, 11, 4, 17), defaultCallbackPolicy, utc)).toBe(Date.UTC(2026, 11, 7, 9));
    expect(callbackDueAt('cold', Date.UTC(2026, 11, 5, 10), defaultCallbackPolicy, utc)).toBe(Date.UTC(2026, 11, 7, 9));
    expect(callbackDueAt('cold', Date.UTC(2026, 11, 6, 10), defaultCallbackPolicy, utc)).toBe(Date.UTC(2026, 11, 7, 9));
    expect(callbackDueAt('cold', Date.UTC(2026, 10, 30, 10), defaultCallbackPolicy, utc)).toBe(Date.UTC(2026, 11, 1, 9));
  });

  it('follows the office’s own policy and sorts the most pressing first', () => {
    expect(callbackDueAt('hot', tuesdayNoon, { ...defaultCallbackPolicy, hotMinutes: 5 }, utc) - tuesdayNoon).toBe(5 * 60_000);
    expect(byDue([{ id: 'b', dueAt: 30 }, { id: 'a', dueAt: 10 }, { id: 'c', dueAt: 20 }]).map((t) => t.id)).toEqual(['a', 'c', 'b']);
  });
});
