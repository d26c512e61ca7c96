import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useState, type KeyboardEvent } from 'react';

export interface VirtualRows {
  /** Ref callback for the element that scrolls: the list lives inside it. */
  scroller: (element: HTMLDivElement | null) => void;
  /** The rows to render now: those in view and a few either side. */
  items: VirtualItem[];
  /** Space for the rows not rendered above and below the rendered ones, in pixels. */
  before: number;
  after: number;
  /** Ref for each rendered row (with `data-index`): rows of any height are measured as they render. */
  measure: (element: Element | null) => void;
  /** For the scroller's onKeyDown: Home and End reach the first and the last row even before all are measured. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * A long list renders only the rows in view (a day of calls kept every row in the DOM and the tab
 * grew with every call). Rows keep their own elements (table rows, list items) so their semantics
 * stay; the caller pads the list with `before` and `after`.
 */
export function useVirtualRows(options: { count: number; estimateSize: number; key: (index: number) => string; gap?: number }): VirtualRows {
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders on scroll by itself; nothing here may be memoized
  const virtualizer = useVirtualizer({
    count: options.count,
    getScrollElement: () => scrollElement,
    estimateSize: () => options.estimateSize,
    getItemKey: options.key,
    gap: options.gap ?? 0,
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Only the scroller's own keys: Home and End typed in a field inside a row stay the field's.
    if (event.target !== event.currentTarget || options.count === 0) return;
    if (event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    virtualizer.scrollToIndex(event.key === 'Home' ? 0 : options.count - 1, { align: event.key === 'Home' ? 'start' : 'end' });
  };
  return { scroller: setScrollElement, items, before, after, measure: virtualizer.measureElement, onKeyDown };
}
