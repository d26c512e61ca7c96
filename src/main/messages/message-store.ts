import type { Insertable, Kysely, Selectable } from 'kysely';
import type { MessageStatus, StoredMessage, WireMessage } from '../../shared/ipc/messages.ts';
import type { DatabaseSchema, MessagesTable } from '../db/database-schema.ts';

export interface MessageStore {
  insert(message: StoredMessage): Promise<void>;
  /** A received message, once: a retried delivery of the same id is not stored twice. Returns whether it was new. */
  receive(message: WireMessage, now: number): Promise<boolean>;
  list(box: 'sent' | 'received', limit: number): Promise<StoredMessage[]>;
  pending(): Promise<StoredMessage[]>;
  attempted(id: string, error: string): Promise<void>;
  setStatus(id: string, box: 'sent' | 'received', status: MessageStatus, by: string, at: number): Promise<boolean>;
  unread(): Promise<number>;
}

const toMessage = (r: Selectable<MessagesTable>): StoredMessage => ({
  id: r.id,
  box: r.box,
  toExtension: r.to_extension,
  toName: r.to_name,
  fromExtension: r.from_extension,
  fromName: r.from_name,
  callerName: r.caller_name,
  organization: r.organization,
  phone: r.phone,
  callBackAt: r.call_back_at,
  text: r.text,
  urgency: r.urgency,
  mood: r.mood,
  callId: r.call_id,
  createdAt: r.created_at,
  status: r.status,
  statusBy: r.status_by,
  statusAt: r.status_at,
  attempts: r.attempts,
  lastError: r.last_error,
});

const toRow = (m: StoredMessage): Insertable<MessagesTable> => ({
  id: m.id,
  box: m.box,
  to_extension: m.toExtension,
  to_name: m.toName,
  from_extension: m.fromExtension,
  from_name: m.fromName,
  caller_name: m.callerName,
  organization: m.organization,
  phone: m.phone,
  call_back_at: m.callBackAt,
  text: m.text,
  urgency: m.urgency,
  mood: m.mood,
  call_id: m.callId,
  created_at: m.createdAt,
  status: m.status,
  status_by: m.statusBy,
  status_at: m.statusAt,
  attempts: m.attempts,
  last_error: m.lastError,
});

/** Messages for absent colleagues, both boxes, in SQLite: nothing taken is ever dropped. */
export function createMessageStore(deps: { db: Kysely<DatabaseSchema> }): MessageStore {
  const { db } = deps;
  return {
    async insert(m) {
      await db.insertInto('messages').values(toRow(m)).execute();
    },
    async receive(m, now) {
      const row = toRow({ ...m, box: 'received', callId: null, status: 'new', statusBy: m.fromName || m.fromExtension, statusAt: now, attempts: 0, lastError: '' });
      const result = await db.insertInto('messages').values(row).onConflict((oc) => oc.columns(['id', 'box']).doNothing()).executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async list(box, limit) {
      return (await db.selectFrom('messages').selectAll().where('box', '=', box).orderBy('created_at', 'desc').limit(limit).execute()).map(toMessage);
    },
    async pending() {
      return (await db.selectFrom('messages').selectAll().where('box', '=', 'sent').where('status', '=', 'pending').orderBy('created_at').execute()).map(toMessage);
    },
    async attempted(id, error) {
      await db
        .updateTable('messages')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error }))
        .where('id', '=', id)
        .where('box', '=', 'sent')
        .execute();
    },
    async setStatus(id, box, status, by, at) {
      const result = await db.updateTable('messages').set({ status, status_by: by, status_at: at }).where('id', '=', id).where('box', '=', box).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async unread() {
      const row = await db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).where('box', '=', 'received').where('status', '=', 'new').executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
