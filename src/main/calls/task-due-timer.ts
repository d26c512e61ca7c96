import type { Clock } from '../../shared/clock.ts';
import type { CallbackTask } from '../../shared/ipc/tasks.ts';
import type { Logger } from '../../shared/logger.ts';

/**
 * Even with nothing due soon the open tasks are read again this often: tasks may come from
 * elsewhere, and a timer set before the laptop slept wakes late.
 */
export const TASK_RECHECK_MS = 60_000;

export interface TaskDueTimer {
  /** Reads the open tasks again (one was created, called back or completed) and sets the timer anew. */
  refresh(): void;
  /** Open tasks whose time has come by main's clock: what a window that has just connected is told. */
  dueNow(): Promise<CallbackTask[]>;
  dispose(): void;
}

/**
 * Call-backs fall due by main's clock (R27): each open task is announced once, when its time
 * comes, and the timer sleeps until the next one.
 */
export function createTaskDueTimer(deps: { clock: Clock; log: Logger; openTasks(): Promise<CallbackTask[]>; due(task: CallbackTask): void }): TaskDueTimer {
  const { clock } = deps;
  const announced = new Set<string>();
  let timer: unknown = null;
  let disposed = false;
  let running: Promise<void> = Promise.resolve();

  const check = async () => {
    if (disposed) return;
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    const open = await deps.openTasks();
    if (disposed) return;
    const now = clock.now();
    const openIds = new Set(open.map((t) => t.id));
    for (const id of announced) if (!openIds.has(id)) announced.delete(id);
    for (const task of open) {
      if (task.dueAt > now || announced.has(task.id)) continue;
      announced.add(task.id);
      deps.due(task);
    }
    const next = Math.min(...open.filter((t) => t.dueAt > now).map((t) => t.dueAt));
    timer = clock.setTimeout(refresh, Math.min(next - now, TASK_RECHECK_MS));
  };
  const refresh = () => {
    running = running.then(check).catch((error: unknown) => deps.log.error('Checking for due call-backs failed', { error: String(error) }));
  };

  return {
    refresh,
    async dueNow() {
      const open = await deps.openTasks();
      const now = clock.now();
      return open.filter((t) => t.dueAt <= now);
    },
    dispose() {
      disposed = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
