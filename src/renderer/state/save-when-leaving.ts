import type { DebouncedSaver } from './debounced-saver.ts';

/** The page as far as leaving it goes (the real document and window, or stand-ins in a test). */
export interface LeavablePage {
  document: EventTarget & { readonly visibilityState: string };
  window: EventTarget;
}

/**
 * Saves what is waiting when the page is hidden or closed (a tab closed mid-sentence loses
 * nothing). Returns the cleanup for when the component goes away, which saves what is waiting too.
 */
export function saveWhenLeaving(saver: Pick<DebouncedSaver<unknown>, 'flush'>, page: LeavablePage): () => void {
  const onVisibility = () => {
    if (page.document.visibilityState === 'hidden') void saver.flush();
  };
  const onPageHide = () => void saver.flush();
  page.document.addEventListener('visibilitychange', onVisibility);
  page.window.addEventListener('pagehide', onPageHide);
  return () => {
    page.document.removeEventListener('visibilitychange', onVisibility);
    page.window.removeEventListener('pagehide', onPageHide);
    void saver.flush();
  };
}
