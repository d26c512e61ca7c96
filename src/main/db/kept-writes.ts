import type { Clock } from '../../shared/clock.ts';
import type { Logger } from '../../shared/logger.ts';
import { isDiskFull } from './disk-full.ts';

const RETRY_EVERY_MS = 5_000;

export interface KeptWrites {
  /**
   * Writes now, or, when the disk is full, keeps the write in memory (after any kept before it,
   * so rows keep their order: a call before its recording) and writes it once space is free.
   * Resolves 'kept' then; rejects only for a failure that is not a full disk.
   */
  write(name: string, write: () => Promise<void>): Promise<'written' | 'kept'>;
  /** Tries the kept writes now, in order; true when none is left. */
  flush(): Promise<boolean>;
  pending(): number;
  dispose(): void;
}

/**
 * A full disk must not lose what a call is: its row, its times, its recording's row. The writes the
 * database refuses for lack of space wait here and are tried again every few seconds and before
 * any later write. They live only in memory: a restart before space returns loses them, and the
 * start-up repair (closeInterrupted, recover) fills in what it can from the files.
 */
export function createKeptWrites(deps: {
  clock: Clock;
  log: Logger;
  /** The first write is kept: the person at the desk is told that the history waits for space. */
  onKeeping?(): void;
  /** Every kept write is saved. */
  onSaved?(): void;
}): KeptWrites {
  const queue: { name: string; write: () => Promise<void> }[] = [];
  let timer: unknown = null;
  let flushing: Promise<boolean> | null = null;
  let disposed = false;

  const schedule = () => {
    if (timer !== null || disposed || queue.length === 0) return;
    timer = deps.clock.setTimeout(() => {
      timer = null;
      void kept.flush();
    }, RETRY_EVERY_MS);
  };

  const drain = async (): Promise<boolean> => {
    if (queue.length === 0) return true;
    while (queue.length > 0) {
      const next = queue[0]!;
      try {
        await next.write();
      } catch (error) {
        if (isDiskFull(error)) {
          schedule();
          return false;
        }
        // Not a matter of space: trying again would not help, and must not hold back the rest.
        deps.log.error('A kept write failed and is dropped', { write: next.name, error: String(error) });
      }
      queue.shift();
    }
    deps.log.info('The disk has space again: the kept writes are saved');
    deps.onSaved?.();
    return true;
  };

  const kept: KeptWrites = {
    async write(name, write) {
      if (queue.length > 0 && !(await kept.flush())) {
        queue.push({ name, write });
        return 'kept';
      }
      try {
        await write();
        return 'written';
      } catch (error) {
        if (!isDiskFull(error)) throw error;
        deps.log.warn('The disk is full: a write is kept in memory until there is space', { write: name });
        queue.push({ name, write });
        if (queue.length === 1) deps.onKeeping?.();
        schedule();
        return 'kept';
      }
    },
    flush() {
      flushing ??= drain().finally(() => {
        flushing = null;
      });
      return flushing;
    },
    pending: () => queue.length,
    dispose() {
      disposed = true;
      if (timer !== null) deps.clock.clearTimeout(timer);
      timer = null;
    },
  };
  return kept;
}
