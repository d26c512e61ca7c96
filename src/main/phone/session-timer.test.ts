import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { REFRESH_RETRY_MS, SessionTimer, sessionTimerAnswerHeaders, sessionTimerRefreshHeaders, sessionTimerTerms, type SessionTimerTerms } from './session-timer.ts';

describe('sessionTimerTerms', () => {
  it('reads the offered interval and keeps a caller that refreshes itself as the refresher', () => {
    const terms = sessionTimerTerms('1800;refresher=uac', ['100rel, timer']);
    expect(terms).toEqual({ intervalS: 1800, refresher: 'uac', callerSupportsTimer: true });
    expect(sessionTimerAnswerHeaders(terms!)).toEqual(['Session-Expires: 1800;refresher=uac', 'Require: timer']);
  });

  it('makes this desk the refresher when the caller leaves it open or cannot refresh', () => {
    expect(sessionTimerTerms('600', ['timer'])).toEqual({ intervalS: 600, refresher: 'uas', callerSupportsTimer: true });
    const unsupported = sessionTimerTerms('600;refresher=uac', []);
    expect(unsupported).toEqual({ intervalS: 600, refresher: 'uas', callerSupportsTimer: false });
    expect(sessionTimerAnswerHeaders(unsupported!)).toEqual(['Session-Expires: 600;refresher=uas']);
    expect(sessionTimerRefreshHeaders(unsupported!)).toEqual(['Session-Expires: 600;refresher=uac', 'Supported: timer']);
  });

  it('offers nothing without a readable Session-Expires, and never less than 90 s', () => {
    expect(sessionTimerTerms(undefined, ['timer'])).toBeNull();
    expect(sessionTimerTerms('soon', ['timer'])).toBeNull();
    expect(sessionTimerTerms('30', ['timer'])?.intervalS).toBe(90);
  });
});

describe('SessionTimer', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  const start = (terms: SessionTimerTerms, refresh: () => Promise<boolean> = () => Promise.resolve(true)) => {
    const expired: string[] = [];
    const refreshes: number[] = [];
    const timer = new SessionTimer({
      clock: systemClock,
      terms,
      refresh: () => {
        refreshes.push(Date.now());
        return refresh();
      },
      expired: (why) => expired.push(why),
    });
    return { timer, expired, refreshes, startedAt: Date.now() };
  };

  it('as the refresher, re-INVITEs at half the interval, again and again while they are answered', async () => {
    const { timer, expired, refreshes, startedAt } = start({ intervalS: 600, refresher: 'uas', callerSupportsTimer: true });
    await vi.advanceTimersByTimeAsync(299_000);
    expect(refreshes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(refreshes).toEqual([startedAt + 300_000]);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(refreshes).toEqual([startedAt + 300_000, startedAt + 600_000]);
    expect(expired).toEqual([]);
    timer.stop();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(refreshes).toHaveLength(2);
  });

  it('as the refresher, ends the session when a refresh is refused', async () => {
    const { expired, refreshes } = start({ intervalS: 600, refresher: 'uas', callerSupportsTimer: true }, () => Promise.reject(new Error('481 Call/Transaction Does Not Exist')));
    await vi.advanceTimersByTimeAsync(300_000);
    expect(refreshes).toHaveLength(1);
    expect(expired).toEqual(['refresh-failed']);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(refreshes).toHaveLength(1);
  });

  it('as the refresher, a refresh that cannot be sent now (a hold under way) is tried again shortly; one never sent before the interval runs out ends the session', async () => {
    let sendable = false;
    const { expired, refreshes, startedAt } = start({ intervalS: 600, refresher: 'uas', callerSupportsTimer: true }, () => Promise.resolve(sendable));
    await vi.advanceTimersByTimeAsync(300_000);
    expect(refreshes).toEqual([startedAt + 300_000]);
    await vi.advanceTimersByTimeAsync(REFRESH_RETRY_MS);
    expect(refreshes).toEqual([startedAt + 300_000, startedAt + 300_000 + REFRESH_RETRY_MS]);
    sendable = true;
    await vi.advanceTimersByTimeAsync(REFRESH_RETRY_MS);
    expect(refreshes).toHaveLength(3);
    expect(expired).toEqual([]);
    // Refreshed at 310 s: the next one is due 300 s later.
    sendable = false;
    await vi.advanceTimersByTimeAsync(300_000);
    expect(refreshes).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(expired).toEqual(['refresh-failed']);
    const count = refreshes.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refreshes).toHaveLength(count);
  });

  it('when the far end refreshes: its refreshes keep the call, and a call it stops refreshing ends 32 s before the interval runs out', async () => {
    const { timer, expired, refreshes } = start({ intervalS: 1800, refresher: 'uac', callerSupportsTimer: true });
    await vi.advanceTimersByTimeAsync(900_000);
    timer.refreshed();
    await vi.advanceTimersByTimeAsync(1_700_000);
    expect(expired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1800_000 - 32_000 - 1_700_000 - 1);
    expect(expired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(expired).toEqual(['no-refresh']);
    expect(refreshes).toEqual([]);
  });

  it('with a short interval, the far end has until two thirds of it', async () => {
    const { expired } = start({ intervalS: 90, refresher: 'uac', callerSupportsTimer: true });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(expired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(expired).toEqual(['no-refresh']);
  });
});
