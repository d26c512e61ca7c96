import { useEffect, useState } from 'react';
import { systemClock } from '../../shared/clock.ts';
import { createDebouncedSaver, type DebouncedSaver } from './debounced-saver.ts';

/**
 * A debounced saver that lives as long as the component: what is waiting is saved when the
 * component goes away and when the page is hidden or closed (a tab closed mid-sentence loses nothing).
 * `save` is the first render's: what it needs that changes, it reads from refs or the store.
 */
export function useDebouncedSaver<T>(delayMs: number, save: (value: T) => Promise<unknown>): DebouncedSaver<T> {
  const [saver] = useState(() => createDebouncedSaver<T>({ clock: systemClock, delayMs, save }));
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    const onPageHide = () => void saver.flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      void saver.flush();
    };
  }, [saver]);
  return saver;
}
