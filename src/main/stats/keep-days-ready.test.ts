import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { silentLogger as log } from '../../shared/logger.ts';
import { keepDaysReady } from './keep-days-ready.ts';
import type { CountPastDays } from './past-days-job.ts';

const DAY = 86_400_000;

describe('keeping past days counted in the background', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('counts 400 days for everyone and this desk a minute after start, then every six hours, until disposed', async () => {
    const runs: Parameters<CountPastDays>[0][] = [];
    const countPastDays: CountPastDays = (request) => {
      runs.push(request);
      return Promise.resolve(request.agents.map(() => 1));
    };
    const ready = keepDaysReady({ countPastDays, clock: systemClock, log, me: () => 'sip:101@pbx' });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toHaveLength(1);
    const [first] = runs;
    expect(first!.agents).toEqual([null, 'sip:101@pbx']);
    expect(first!.period).toEqual({ from: first!.now - 400 * DAY, to: first!.now });
    await vi.advanceTimersByTimeAsync(6 * 3_600_000);
    expect(runs).toHaveLength(2);
    ready.dispose();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(runs).toHaveLength(2);
  });

  it('after a full disk stopped the counting, counts again ten minutes later instead of six hours', async () => {
    let full = true;
    const countPastDays = vi.fn<CountPastDays>(() => (full ? Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })) : Promise.resolve([3, 0])));
    const ready = keepDaysReady({ countPastDays, clock: systemClock, log, me: () => 'sip:101@pbx' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(countPastDays).toHaveBeenCalledTimes(1);
    full = false;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(countPastDays).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(countPastDays).toHaveBeenCalledTimes(2);
    ready.dispose();
  });

  it('disposing stops a run under way, and no run follows it', async () => {
    const signals: AbortSignal[] = [];
    const countPastDays = vi.fn<CountPastDays>(
      (_request, signal) =>
        new Promise((_resolve, reject) => {
          signals.push(signal);
          signal.addEventListener('abort', () => reject(new Error('stopped')));
        }),
    );
    const ready = keepDaysReady({ countPastDays, clock: systemClock, log, me: () => 'sip:101@pbx' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(signals.map((s) => s.aborted)).toEqual([false]);
    ready.dispose();
    expect(signals.map((s) => s.aborted)).toEqual([true]);
    await vi.advanceTimersByTimeAsync(7 * 3_600_000);
    expect(countPastDays).toHaveBeenCalledTimes(1);
  });
});
