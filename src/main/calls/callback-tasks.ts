import type { Clock } from '../../shared/clock.ts';
import { byDue, callbackDueAt, type CallbackPolicy } from '../../shared/calls/callback-due.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { CallbackTask, NewTask } from '../../shared/ipc/tasks.ts';
import type { CallbackTaskRepository } from './callback-task-repository.ts';

export interface OfficeZone {
  localParts(t: number): { year: number; month: number; day: number; weekday: number };
  fromLocal(year: number, month: number, day: number, hour: number): number;
}

export interface CallbackTasks {
  create(task: NewTask): Promise<CallbackTask>;
  /** Open tasks, the most pressing first (overdue, then due soonest). */
  open(): Promise<CallbackTask[]>;
  /** One click: calls the number and links the new call to the task. Resolves with the call's id. */
  callBack(taskId: string): Promise<string>;
  complete(taskId: string): Promise<void>;
}

/** Call-back tasks (R19, R22, R27), due by the lead's temperature or a chosen time. */
export function createCallbackTasks(deps: {
  store: CallbackTaskRepository;
  clock: Clock;
  newId(): string;
  policy(): CallbackPolicy;
  zone: OfficeZone;
  dial(number: string): Promise<string>;
}): CallbackTasks {
  const { store, clock } = deps;
  const find = async (id: string) => {
    const task = await store.find(id);
    if (!task) throw new RpcError('no-such-task', 'That call-back task is not there any more.');
    return task;
  };
  return {
    async create(task) {
      const now = clock.now();
      const dueAt = 'at' in task.due ? task.due.at : callbackDueAt(task.due.urgency, now, deps.policy(), deps.zone);
      const created: CallbackTask = { id: deps.newId(), createdAt: now, source: task.source, name: task.name, number: task.number, dueAt, owner: task.owner, note: task.note, status: 'open', originId: task.originId, callbackCallId: null, doneAt: null };
      await store.insert(created);
      return created;
    },
    async open() {
      return byDue(await store.open());
    },
    async callBack(taskId) {
      const task = await find(taskId);
      const callId = await deps.dial(task.number);
      await store.markDone(taskId, clock.now(), callId);
      return callId;
    },
    async complete(taskId) {
      await find(taskId);
      await store.markDone(taskId, clock.now(), null);
    },
  };
}
