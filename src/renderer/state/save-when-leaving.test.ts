import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { createDebouncedSaver } from './debounced-saver.ts';
import { saveWhenLeaving } from './save-when-leaving.ts';

/** A page whose visibility the test sets, with real event targets. */
function standInPage() {
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  return { document, window: new EventTarget() };
}

describe('saving what is typed when the screen or the page goes away', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function typing() {
    const saved: string[] = [];
    const saver = createDebouncedSaver({ clock: systemClock, delayMs: 150, save: (value: string) => Promise.resolve(void saved.push(value)) });
    return { saved, saver };
  }

  it('the component going away (unmount) saves what was typed within the delay, at once', async () => {
    const { saved, saver } = typing();
    const leave = saveWhenLeaving(saver, standInPage());
    saver.change('Ελένη');
    saver.change('Ελένη Μ.');
    leave();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['Ελένη Μ.']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['Ελένη Μ.']);
  });

  it('the page hidden or closed saves at once; shown again, nothing; after unmount the page is no longer watched', async () => {
    const { saved, saver } = typing();
    const page = standInPage();
    const leave = saveWhenLeaving(saver, page);
    saver.change('a');
    page.document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([]);
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['a']);
    saver.change('ab');
    page.window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['a', 'ab']);
    leave();
    const flush = vi.spyOn(saver, 'flush');
    page.window.dispatchEvent(new Event('pagehide'));
    expect(flush).not.toHaveBeenCalled();
  });
});
