import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import type { CallbackTasks } from './callback-tasks.ts';
import { callbackTaskFromWrapUp } from './wrap-up-callback.ts';
import { followWrapUpPrompt } from './wrap-up-prompt.ts';

export type CallsMethod = 'calls.list' | 'calls.wrapUp';

/** The call history and the wrap-up after each call. */
export function createCallsModule(ctx: ModuleContext, deps: { tasks: CallbackTasks }): CoreModule<CallsMethod> {
  const { stores, bus, clock } = ctx;
  const stopPrompting = followWrapUpPrompt(bus, (callId) => ctx.broadcast('calls.wrapUpDue', { callId }));
  return {
    handlers: {
      'calls.list': (query) => stores.office.calls.list(query),
      'calls.wrapUp': async (wrapUp) => {
        await stores.office.calls.wrapUp(wrapUp, clock.now());
        bus.emit('wrapUp.saved', { callId: wrapUp.callId, nextStepAt: wrapUp.nextStepAt });
        const task = wrapUp.nextStepAt !== null ? callbackTaskFromWrapUp(await stores.office.calls.find(wrapUp.callId), wrapUp) : null;
        if (task) {
          const created = await deps.tasks.create(task);
          bus.emit('task.changed', { taskId: created.id });
        }
        return {};
      },
    },
    dispose: stopPrompting,
  };
}
