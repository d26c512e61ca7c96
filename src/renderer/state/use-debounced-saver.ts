import { useEffect, useState } from 'react';
import { systemClock } from '../../shared/clock.ts';
import { createDebouncedSaver, type DebouncedSaver } from './debounced-saver.ts';
import { saveWhenLeaving } from './save-when-leaving.ts';

/**
 * A debounced saver that lives as long as the component: what is waiting is saved when the
 * component goes away and when the page is hidden or closed.
 * `save` is the first render's: what it needs that changes, it reads from refs or the store.
 */
export function useDebouncedSaver<T>(delayMs: number, save: (value: T) => Promise<unknown>): DebouncedSaver<T> {
  const [saver] = useState(() => createDebouncedSaver<T>({ clock: systemClock, delayMs, save }));
  useEffect(() => saveWhenLeaving(saver, { document, window }), [saver]);
  return saver;
}
