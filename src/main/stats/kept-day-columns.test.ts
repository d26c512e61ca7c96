import { describe, expect, it } from 'vitest';
import { emptyDeskSums } from './desk-stats.ts';
import { sumColumnsOf, sumsOfColumns } from './kept-day-columns.ts';

describe('a kept day as columns', () => {
  it('gives back every figure it was given, each list at its full length', () => {
    const sums = emptyDeskSums();
    let n = 0;
    for (const key of ['incoming', 'answered', 'missed', 'byRing3', 'answerMs', 'talkMs', 'holdMs', 'effective', 'offers', 'meetings', 'deferred', 'sold', 'transfers'] as const) sums[key] = ++n;
    for (const key of ['missedAtRing', 'answeredAtRing', 'answeredWithinSeconds'] as const) sums[key] = sums[key].map(() => ++n);
    sums.bySource = { Website: { incoming: 3, sold: 1 } };
    expect(sumsOfColumns(sumColumnsOf(sums), [{ source: 'Website', incoming: 3, sold: 1 }])).toEqual(sums);
    expect(new Set(Object.values(sumColumnsOf(sums))).size).toBe(n);
  });
});
