import { createCallbackTasks } from '../calls/callback-tasks.ts';
import { createTaskDueTimer } from '../calls/task-due-timer.ts';
import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import { localZone } from '../app/local-zone.ts';

export type TasksMethod = 'tasks.open' | 'tasks.dueNow' | 'tasks.create' | 'tasks.callBack' | 'tasks.complete';

/** Call-back tasks: made by hand or from a wrap-up's next step, called back in one click. */
export function createTasksModule(ctx: ModuleContext, deps: { dial(number: string): Promise<string> }) {
  const { bus, settings } = ctx;
  const tasks = createCallbackTasks({ store: ctx.stores.office.tasks, clock: ctx.clock, newId: ctx.newId, policy: () => settings.get().callbacks, zone: localZone, dial: deps.dial });
  // Call-backs fall due by main's clock: task.due for the core, tasks.due for the windows.
  const dueTimer = createTaskDueTimer({
    clock: ctx.clock,
    log: ctx.log.child('tasks'),
    openTasks: () => tasks.open(),
    due: (task) => {
      bus.emit('task.due', { taskId: task.id, dueAt: task.dueAt });
      ctx.broadcast('tasks.due', task);
    },
  });
  const stopFollowing = bus.on('task.changed', () => dueTimer.refresh());
  dueTimer.refresh();
  const module: CoreModule<TasksMethod> = {
    handlers: {
      'tasks.open': () => tasks.open(),
      'tasks.dueNow': () => dueTimer.dueNow(),
      'tasks.create': async (task) => {
        const created = await tasks.create(task);
        bus.emit('task.changed', { taskId: created.id });
        return created;
      },
      'tasks.callBack': async ({ taskId }) => {
        const callId = await tasks.callBack(taskId);
        bus.emit('task.changed', { taskId });
        return { callId };
      },
      'tasks.complete': async ({ taskId }) => {
        await tasks.complete(taskId);
        bus.emit('task.changed', { taskId });
        return {};
      },
    },
    dispose() {
      stopFollowing();
      dueTimer.dispose();
    },
  };
  return { ...module, tasks };
}
