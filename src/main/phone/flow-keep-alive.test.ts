import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { FlowKeepAlive, KEEP_ALIVE_MS, PONG_WAIT_MS } from './flow-keep-alive.ts';

describe('FlowKeepAlive', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  /** random() = 1: every ping comes at the full interval. */
  const start = () => {
    const pings: number[] = [];
    let failures = 0;
    const flow = new FlowKeepAlive({ clock: systemClock, random: () => 1, ping: () => pings.push(Date.now()), failed: () => failures++ });
    return { flow, pings, failures: () => failures, startedAt: Date.now() };
  };

  it('pings every interval; a registrar that answers every ping keeps the flow', async () => {
    const { flow, pings, failures, startedAt } = start();
    flow.expectPongs(true);
    for (let i = 1; i <= 5; i++) {
      await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS);
      expect(pings).toHaveLength(i);
      await vi.advanceTimersByTimeAsync(200);
      flow.pong();
    }
    expect(pings[0]).toBe(startedAt + KEEP_ALIVE_MS);
    expect(failures()).toBe(0);
    flow.stop();
  });

  it('a ping left unanswered for the pong wait is a dead flow, said once', async () => {
    const { flow, pings, failures } = start();
    flow.expectPongs(true);
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS + PONG_WAIT_MS - 1);
    expect(failures()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(failures()).toBe(1);
    await vi.advanceTimersByTimeAsync(10 * KEEP_ALIVE_MS);
    expect(failures()).toBe(1);
    expect(pings).toHaveLength(1);
  });

  it('a registrar without Outbound is still pinged (NATs), but its silence is not a failure', async () => {
    const { pings, failures } = start();
    await vi.advanceTimersByTimeAsync(10 * KEEP_ALIVE_MS);
    expect(pings).toHaveLength(10);
    expect(failures()).toBe(0);
  });

  it('spreads pings over 80–100 % of the interval, so a room of desks does not ping at once', async () => {
    const pings: number[] = [];
    const startedAt = Date.now();
    const flow = new FlowKeepAlive({ clock: systemClock, random: () => 0, ping: () => pings.push(Date.now() - startedAt), failed: () => undefined });
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_MS);
    expect(pings).toEqual([0.8 * KEEP_ALIVE_MS]);
    flow.stop();
  });
});
