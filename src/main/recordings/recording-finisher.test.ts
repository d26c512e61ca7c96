import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { silentLogger } from '../../shared/logger.ts';
import { createRecordingFinisher, RECORDING_GRACE_MS } from './recording-finisher.ts';

/** Open recordings by call, and what happened to them, in order; `slowPauses` holds each pause's end until the test lets it go. */
function setUp(open: string[], slowPauses = false) {
  const recordings = new Set(open);
  const happened: string[] = [];
  const pausesEnding: (() => void)[] = [];
  const finisher = createRecordingFinisher({
    clock: systemClock,
    log: silentLogger,
    recordings: {
      isOpen: (callId) => recordings.has(callId),
      finish: (callId) => {
        if (recordings.delete(callId)) happened.push(`closed ${callId}`);
        return Promise.resolve();
      },
    },
    pauses: {
      resume: (callId) => {
        happened.push(`resumed ${callId}`);
        return slowPauses ? new Promise<void>((ended) => pausesEnding.push(ended)) : Promise.resolve();
      },
    },
    finished: (callId) => happened.push(`recording.finished ${callId}`),
  });
  return { recordings, happened, finisher, pausesEnding };
}

describe('main finishing a call’s recording', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('finishes when the window’s last chunk is in, ending a pause first, and says so once', async () => {
    const { happened, finisher } = setUp(['c1']);
    finisher.callEnded('c1');
    await finisher.lastChunkIn('c1');
    expect(happened).toEqual(['resumed c1', 'closed c1', 'recording.finished c1']);
    await vi.advanceTimersByTimeAsync(RECORDING_GRACE_MS);
    expect(happened).toHaveLength(3);
  });

  it('waits the grace for a window that sends no last chunk, then finishes what came', async () => {
    const { happened, finisher } = setUp(['c1']);
    finisher.callEnded('c1');
    await vi.advanceTimersByTimeAsync(RECORDING_GRACE_MS - 1);
    expect(happened).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(happened).toEqual(['resumed c1', 'closed c1', 'recording.finished c1']);
  });

  it('finishes a recording that opened after the call ended (a late first chunk) when the grace is over', async () => {
    const { recordings, happened, finisher } = setUp([]);
    finisher.callEnded('c1');
    recordings.add('c1');
    await vi.advanceTimersByTimeAsync(RECORDING_GRACE_MS);
    expect(happened).toEqual(['resumed c1', 'closed c1', 'recording.finished c1']);
  });

  it('does not cut a recording while its call goes on (no grace before the call ends)', async () => {
    const { happened } = setUp(['c1']);
    await vi.advanceTimersByTimeAsync(10 * RECORDING_GRACE_MS);
    expect(happened).toEqual([]);
  });

  it('finishes at once when the window went away', async () => {
    const { happened, finisher } = setUp(['lost']);
    await finisher.windowLost('lost');
    expect(happened).toEqual(['resumed lost', 'closed lost', 'recording.finished lost']);
  });

  it('says recording.finished once when the last chunk and the grace finish it at the same moment', async () => {
    const { happened, finisher, pausesEnding } = setUp(['both'], true);
    finisher.callEnded('both');
    await vi.advanceTimersByTimeAsync(RECORDING_GRACE_MS - 1);
    const last = finisher.lastChunkIn('both');
    await vi.advanceTimersByTimeAsync(1);
    expect(pausesEnding).toHaveLength(2);
    for (const ended of pausesEnding) ended();
    await last;
    await vi.advanceTimersByTimeAsync(0);
    expect(happened.filter((h) => h === 'recording.finished both')).toHaveLength(1);
  });

  it('lets nothing fire after the core stops', async () => {
    const { happened, finisher } = setUp(['c1']);
    finisher.callEnded('c1');
    finisher.dispose();
    await vi.advanceTimersByTimeAsync(RECORDING_GRACE_MS);
    expect(happened).toEqual([]);
  });
});
