import type { Kysely, Selectable } from 'kysely';
import type { CallbackTask } from '../../shared/ipc/tasks.ts';
import type { CallbackTasksTable, DatabaseSchema } from '../db/database-schema.ts';

/** The office's call-back tasks as the rules and screens read them. */
export interface CallbackTaskReader {
  find(id: string): Promise<CallbackTask | null>;
  /** Every open task, in no particular order (callback-tasks.ts orders them by due time). */
  open(): Promise<CallbackTask[]>;
}

export interface CallbackTaskWriter {
  insert(task: CallbackTask): Promise<void>;
  /** Done, at `at`; `callbackCallId` when a call-back made from the task did it. */
  markDone(id: string, at: number, callbackCallId: string | null): Promise<void>;
}

export type CallbackTaskRepository = CallbackTaskReader & CallbackTaskWriter;

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

export function createCallbackTaskRepository(deps: { db: Kysely<DatabaseSchema> }): CallbackTaskRepository {
  const { db } = deps;
  return {
    async find(id) {
      const row = await db.selectFrom('callback_tasks').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toTask(row) : null;
    },
    async open() {
      return (await db.selectFrom('callback_tasks').selectAll().where('status', '=', 'open').execute()).map(toTask);
    },
    async insert(task) {
      await db
        .insertInto('callback_tasks')
        .values({ id: task.id, created_at: task.createdAt, source: task.source, name: task.name, number: task.number, due_at: task.dueAt, owner: task.owner, note: task.note, status: task.status, origin_id: task.originId, callback_call_id: task.callbackCallId, done_at: task.doneAt })
        .execute();
    },
    async markDone(id, at, callbackCallId) {
      await db.updateTable('callback_tasks').set({ status: 'done', done_at: at, ...(callbackCallId === null ? {} : { callback_call_id: callbackCallId }) }).where('id', '=', id).execute();
    },
  };
}
