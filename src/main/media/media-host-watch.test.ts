import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { silentLogger } from '../../shared/logger.ts';
import { MediaHostWatch } from './media-host-watch.ts';

function setup(options: { takeBack?: (callId: string) => Promise<void> } = {}) {
  const live = new Set(['call-1']);
  const events: string[] = [];
  const watch = new MediaHostWatch({
    clock: systemClock,
    log: silentLogger,
    graceMs: 20_000,
    callsWithMedia: () => [...live],
    isLive: (callId) => live.has(callId),
    lost: (callId) => events.push(`lost ${callId}`),
    takeBack: options.takeBack ?? ((callId) => (events.push(`re-invite ${callId}`), Promise.resolve())),
    back: (callId) => events.push(`back ${callId}`),
    giveUp: (callId) => {
      events.push(`bye ${callId}`);
      live.delete(callId);
    },
  });
  return { watch, live, events };
}

describe('a window carrying a call goes away', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('notices at once, and a window that comes back within the grace period takes the call back by re-INVITE', async () => {
    const { watch, events } = setup();
    watch.hostGone();
    expect(events).toEqual(['lost call-1']);
    expect(watch.stateOf('call-1')).toBe('lost');
    await vi.advanceTimersByTimeAsync(15_000);
    watch.hostBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['lost call-1', 're-invite call-1', 'back call-1']);
    expect(watch.stateOf('call-1')).toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).not.toContain('bye call-1');
  });

  it('ends the call with a BYE when no window comes back within the grace period', async () => {
    const { watch, events } = setup();
    watch.hostGone();
    await vi.advanceTimersByTimeAsync(19_999);
    expect(events).toEqual(['lost call-1']);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual(['lost call-1', 'bye call-1']);
  });

  it('ends the call when the far end refuses the new media', async () => {
    const { watch, events } = setup({ takeBack: () => Promise.reject(new Error('488 Not Acceptable Here')) });
    watch.hostGone();
    watch.hostBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['lost call-1', 'bye call-1']);
  });

  it('leaves alone a call the caller ended meanwhile, and a window that goes away again keeps the grace period', async () => {
    const pending: (() => void)[] = [];
    const { watch, live, events } = setup({ takeBack: () => new Promise<void>((_, reject) => pending.push(() => reject(new Error('closed')))) });
    watch.hostGone();
    watch.hostBack();
    // The reopened window goes away too before the re-INVITE completes.
    watch.hostGone();
    pending[0]?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['lost call-1', 'lost call-1']);
    live.delete('call-1');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(events).toEqual(['lost call-1', 'lost call-1']);
    expect(watch.stateOf('call-1')).toBeNull();
  });
});
