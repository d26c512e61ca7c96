import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import type { CallbackTask } from '../../shared/ipc/tasks.ts';
import { silentLogger } from '../../shared/logger.ts';
import { createTaskDueTimer, TASK_RECHECK_MS } from './task-due-timer.ts';

const START = Date.UTC(2026, 11, 3, 9, 0);

const task = (id: string, dueAt: number): CallbackTask => ({
  id,
  createdAt: START - 60_000,
  source: 'wrap-up',
  name: `Caller ${id}`,
  number: '+302101234567',
  dueAt,
  owner: '',
  note: '',
  status: 'open',
  originId: null,
  callbackCallId: null,
  doneAt: null,
});

/** Open tasks the test changes, and the ids announced as due, in order. */
function setUp(open: CallbackTask[]) {
  const tasks = { open };
  const announced: string[] = [];
  const timer = createTaskDueTimer({ clock: systemClock, log: silentLogger, openTasks: () => Promise.resolve(tasks.open), due: (t) => announced.push(t.id) });
  return { tasks, announced, timer };
}

describe('call-backs falling due by main’s clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('announces a task when its time comes, not before, and only once', async () => {
    const { announced, timer } = setUp([task('later', START + 10 * 60_000)]);
    timer.refresh();
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 1);
    expect(announced).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(announced).toEqual(['later']);
    await vi.advanceTimersByTimeAsync(5 * TASK_RECHECK_MS);
    timer.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(announced).toEqual(['later']);
    timer.dispose();
  });

  it('announces tasks already overdue at once, the next one at its own time', async () => {
    const { announced, timer } = setUp([task('overdue', START - 3_600_000), task('soon', START + 90_000)]);
    timer.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(announced).toEqual(['overdue']);
    await vi.advanceTimersByTimeAsync(90_000);
    expect(announced).toEqual(['overdue', 'soon']);
    timer.dispose();
  });

  it('follows a task created after the timer was set, and forgets a completed one', async () => {
    const { tasks, announced, timer } = setUp([]);
    timer.refresh();
    await vi.advanceTimersByTimeAsync(0);
    tasks.open = [task('new', START + 30_000)];
    timer.refresh();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(announced).toEqual(['new']);
    tasks.open = [task('other', START + 40_000)];
    timer.refresh();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(announced).toEqual(['new', 'other']);
    timer.dispose();
  });

  it('tells a window that connects which open tasks are due now', async () => {
    const { timer } = setUp([task('due', START - 1), task('at-once', START), task('later', START + 1)]);
    expect((await timer.dueNow()).map((t) => t.id)).toEqual(['due', 'at-once']);
    timer.dispose();
  });

  it('announces nothing after it is stopped', async () => {
    const { announced, timer } = setUp([task('later', START + 60_000)]);
    timer.refresh();
    await vi.advanceTimersByTimeAsync(0);
    timer.dispose();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(announced).toEqual([]);
  });
});
