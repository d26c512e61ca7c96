import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { silentLogger as log } from '../../shared/logger.ts';
import type { DeskStatsByDays } from './desk-stats-days.ts';
import { keepDaysReady } from './keep-days-ready.ts';


describe('keeping past days counted in the background', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('counts for everyone and this desk a minute after start, then every six hours, pausing between days, until disposed', async () => {
    const prepared: (string | null)[] = [];
    const stats = Object.assign(() => Promise.reject(new Error('not used')), {
      prepare: vi.fn(async (_period: unknown, agent: string | null, pause: () => Promise<void>) => {
        prepared.push(agent);
        await pause();
        return 1;
      }),
    }) as unknown as DeskStatsByDays;
    const ready = keepDaysReady({ stats, clock: systemClock, log, me: () => 'sip:101@pbx' });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(prepared).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(prepared).toEqual([null, 'sip:101@pbx']);
    await vi.advanceTimersByTimeAsync(6 * 3_600_000);
    expect(prepared).toHaveLength(4);
    ready.dispose();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(prepared).toHaveLength(4);
  });

  it('after a full disk stopped the counting, counts again ten minutes later instead of six hours', async () => {
    let full = true;
    const prepare = vi.fn(() => (full ? Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })) : Promise.resolve(3)));
    const stats = Object.assign(() => Promise.reject(new Error('not used')), { prepare }) as unknown as DeskStatsByDays;
    const ready = keepDaysReady({ stats, clock: systemClock, log, me: () => 'sip:101@pbx' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(prepare).toHaveBeenCalledTimes(1);
    full = false;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(prepare).toHaveBeenCalledTimes(3);
    ready.dispose();
  });
});
