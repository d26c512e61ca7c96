import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { createDebouncedSaver } from './debounced-saver.ts';

/** A save the test finishes by hand, to see what happens while one is under way. */
function manualSaves() {
  const started: { value: string; finish: () => void }[] = [];
  const save = (value: string) => new Promise<void>((finish) => started.push({ value, finish }));
  return { started, save };
}

describe('debounced saver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once when typing stops, with the last value, not once per key', async () => {
    const saved: string[] = [];
    const saver = createDebouncedSaver({ clock: systemClock, delayMs: 150, save: (value: string) => Promise.resolve(void saved.push(value)) });
    for (const text of ['Н', 'На', 'Нат', 'Ната', 'Натали', 'Наталия']) {
      saver.change(text);
      await vi.advanceTimersByTimeAsync(60);
    }
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(90);
    expect(saved).toEqual(['Наталия']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saved).toEqual(['Наталия']);
  });

  it('flush saves what is waiting at once (unmount, hang-up, page hidden), and nothing twice', async () => {
    const saved: string[] = [];
    const saver = createDebouncedSaver({ clock: systemClock, delayMs: 150, save: (value: string) => Promise.resolve(void saved.push(value)) });
    saver.change('Σοφία');
    await saver.flush();
    expect(saved).toEqual(['Σοφία']);
    await vi.advanceTimersByTimeAsync(1000);
    await saver.flush();
    expect(saved).toEqual(['Σοφία']);
  });

  it('one save at a time: what is typed during a save is saved after it, the latest only, in order', async () => {
    const { started, save } = manualSaves();
    const saver = createDebouncedSaver({ clock: systemClock, delayMs: 100, save });
    saver.change('a');
    await vi.advanceTimersByTimeAsync(100);
    expect(started.map((s) => s.value)).toEqual(['a']);
    saver.change('ab');
    await vi.advanceTimersByTimeAsync(100);
    saver.change('abc');
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(1000);
    // Nothing overtakes the save under way.
    expect(started.map((s) => s.value)).toEqual(['a']);
    started[0]!.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(started.map((s) => s.value)).toEqual(['a', 'abc']);
    started[1]!.finish();
    await flushed;
    expect(started).toHaveLength(2);
  });

  it('a save that fails does not stop the next one', async () => {
    const saved: string[] = [];
    let fail = true;
    const saver = createDebouncedSaver({
      clock: systemClock,
      delayMs: 100,
      save: (value: string) => {
        if (fail) {
          fail = false;
          return Promise.reject(new Error('no connection'));
        }
        saved.push(value);
        return Promise.resolve();
      },
    });
    saver.change('first');
    await expect(saver.flush()).rejects.toThrow('no connection');
    saver.change('second');
    await saver.flush();
    expect(saved).toEqual(['second']);
  });
});
