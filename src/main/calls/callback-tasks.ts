import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../../shared/clock.ts';
import { byDue, callbackDueAt, type CallbackPolicy } from '../../shared/calls/callback-due.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { CallbackTask, NewTask } from '../../shared/ipc/tasks.ts';
import type { CallbackTasksTable, DatabaseSchema } from '../db/database-schema.ts';

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

const toTask = (r: Selectable<CallbackTasksTable>): CallbackTask => ({
  id: r.id,
  createdAt: r.created_at,
  source: r.source,
  name: r.name,
  number: r.number,
  dueAt: r.due_at,
  owner: r.owner,
  note: r.note,
  status: r.status,
  originId: r.origin_id,
  callbackCallId: r.callback_call_id,
  doneAt: r.done_at,
});

/** Call-back tasks (R19, R22, R27), due by the lead's temperature or a chosen time. */
export function createCallbackTasks(deps: {
  db: Kysely<DatabaseSchema>;
  clock: Clock;
  newId(): string;
  policy(): CallbackPolicy;
  zone: OfficeZone;
  dial(number: string): Promise<string>;
}): CallbackTasks {
  const { db, clock } = deps;
  const find = async (id: string) => {
    const row = await db.selectFrom('callback_tasks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new RpcError('no-such-task', 'That call-back task is not there any more.');
    return row;
  };
  return {
    async create(task) {
      const now = clock.now();
      const dueAt = 'at' in task.due ? task.due.at : callbackDueAt(task.due.urgency, now, deps.policy(), deps.zone);
      const row = { id: deps.newId(), created_at: now, source: task.source, name: task.name, number: task.number, due_at: dueAt, owner: task.owner, note: task.note, status: 'open' as const, origin_id: task.originId, callback_call_id: null, done_at: null };
      await db.insertInto('callback_tasks').values(row).execute();
      return toTask(row);
    },
    async open() {
      return byDue((await db.selectFrom('callback_tasks').selectAll().where('status', '=', 'open').execute()).map(toTask));
    },
    async callBack(taskId) {
      const task = await find(taskId);
      const callId = await deps.dial(task.number);
      await db.updateTable('callback_tasks').set({ callback_call_id: callId, status: 'done', done_at: clock.now() }).where('id', '=', taskId).execute();
      return callId;
    },
    async complete(taskId) {
      await find(taskId);
      await db.updateTable('callback_tasks').set({ status: 'done', done_at: clock.now() }).where('id', '=', taskId).execute();
    },
  };
}
