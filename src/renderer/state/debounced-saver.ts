import type { Clock } from '../../shared/clock.ts';

/**
 * Saves what is being typed: the latest value, once typing has paused for `delayMs`, one save at a
 * time (a value that changes during a save is saved right after it, never out of order).
 */
export interface DebouncedSaver<T> {
  /** The value changed: it is saved once nothing newer arrives within the delay. */
  change(value: T): void;
  /** Saves what is waiting now (the screen goes away, the call ends, the page hides); resolves once every save has finished. */
  flush(): Promise<void>;
}

/** `save` reports its own errors: a failed save must not stop the ones after it. */
export function createDebouncedSaver<T>(deps: { clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>; delayMs: number; save(value: T): Promise<unknown> }): DebouncedSaver<T> {
  let waiting: { value: T } | null = null;
  let timer: unknown = null;
  let saving: Promise<void> = Promise.resolve();

  const saveWaiting = async () => {
    const next = waiting;
    waiting = null;
    if (next) await deps.save(next.value);
  };
  const flush = () => {
    if (timer !== null) deps.clock.clearTimeout(timer);
    timer = null;
    saving = saving.then(saveWaiting, saveWaiting);
    return saving;
  };

  return {
    change(value) {
      waiting = { value };
      if (timer !== null) deps.clock.clearTimeout(timer);
      timer = deps.clock.setTimeout(() => void flush(), deps.delayMs);
    },
    flush,
  };
}
