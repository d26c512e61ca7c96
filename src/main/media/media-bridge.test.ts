import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { MediaBridge, type MediaHost } from './media-bridge.ts';

const host = (name: string): MediaHost & { asked: string[] } => {
  const asked: string[] = [];
  return { asked, call: (method) => (asked.push(method), Promise.resolve({ sdp: name } as never)) };
};

describe('the media bridge', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds a media request made while no window is open until one says hello', async () => {
    const bridge = new MediaBridge({ clock: systemClock, hostWaitMs: 10_000 });
    const asked = bridge.call('media.getDescription', { sessionId: 'c1', hold: false });
    await vi.advanceTimersByTimeAsync(3000);
    const window = host('reopened');
    bridge.setHost(window);
    await expect(asked).resolves.toEqual({ sdp: 'reopened' });
    expect(window.asked).toEqual(['media.getDescription']);
  });

  it('fails with no-media when no window comes within the wait', async () => {
    const bridge = new MediaBridge({ clock: systemClock, hostWaitMs: 10_000 });
    const asked = bridge.call('media.getDescription', { sessionId: 'c1', hold: false });
    const failed = expect(asked).rejects.toMatchObject({ code: 'no-media' });
    await vi.advanceTimersByTimeAsync(10_000);
    await failed;
  });

  it('tells when the first window arrives and when the last one goes, not when a window replaces another', () => {
    const bridge = new MediaBridge({ clock: systemClock, hostWaitMs: 10_000 });
    const heard: boolean[] = [];
    bridge.onHostChange((present) => heard.push(present));
    const first = host('first');
    const second = host('second');
    bridge.setHost(first);
    bridge.setHost(second);
    bridge.releaseHost(first);
    expect(heard).toEqual([true]);
    bridge.releaseHost(second);
    expect(heard).toEqual([true, false]);
    expect(bridge.hasHost()).toBe(false);
  });
});
