import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import type { DeadMediaReason } from '../../shared/ipc/media.ts';
import { DISCONNECTED_LIMIT_MS, MediaLivenessWatch, SILENCE_LIMIT_MS, type MediaSample } from './media-liveness.ts';

/** A call's media as the test sets it; every second of fake time the watch looks at it. */
function watched(initial: MediaSample) {
  let media = { ...initial };
  const dead: DeadMediaReason[] = [];
  const watch = new MediaLivenessWatch(systemClock, () => Promise.resolve({ ...media }), (reason) => dead.push(reason));
  return {
    dead,
    watch,
    set(patch: Partial<MediaSample>) {
      media = { ...media, ...patch };
    },
    /** Sound keeps arriving. */
    flowing() {
      media = { ...media, bytesReceived: media.bytesReceived + 1000 };
    },
  };
}

const talking: MediaSample = { connection: 'connected', bytesReceived: 0, expectInbound: true };

describe('MediaLivenessWatch', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('says nothing while sound arrives, however long the call', async () => {
    const call = watched(talking);
    for (let s = 0; s < 600; s++) {
      call.flowing();
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(call.dead).toEqual([]);
    call.watch.stop();
  });

  it('reports no audio once nothing has arrived for the limit, once', async () => {
    const call = watched(talking);
    for (let s = 0; s < 5; s++) {
      call.flowing();
      await vi.advanceTimersByTimeAsync(1000);
    }
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS - 1000);
    expect(call.dead).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(call.dead).toEqual(['no-audio']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(call.dead).toEqual(['no-audio']);
  });

  it('expects no sound while the call is on hold (either side), and counts afresh after it', async () => {
    const call = watched(talking);
    call.set({ expectInbound: false });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(call.dead).toEqual([]);
    call.set({ expectInbound: true });
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS - 1000);
    expect(call.dead).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(call.dead).toEqual(['no-audio']);
  });

  it('reports a failed connection at once', async () => {
    const call = watched(talking);
    call.flowing();
    await vi.advanceTimersByTimeAsync(1000);
    call.set({ connection: 'failed' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(call.dead).toEqual(['connection-failed']);
  });

  it('lets a connection that recovers from "disconnected" be, and reports one that stays disconnected', async () => {
    const call = watched({ ...talking, expectInbound: false });
    call.set({ connection: 'disconnected' });
    await vi.advanceTimersByTimeAsync(DISCONNECTED_LIMIT_MS - 2000);
    call.set({ connection: 'connected' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(call.dead).toEqual([]);
    call.set({ connection: 'disconnected' });
    await vi.advanceTimersByTimeAsync(DISCONNECTED_LIMIT_MS + 1000);
    expect(call.dead).toEqual(['connection-lost']);
  });

  it('says nothing after it is stopped (the call ended)', async () => {
    const call = watched(talking);
    call.watch.stop();
    await vi.advanceTimersByTimeAsync(5 * SILENCE_LIMIT_MS);
    expect(call.dead).toEqual([]);
  });
});
