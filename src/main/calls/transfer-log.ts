import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/database-schema.ts';
import type { NewTransferRecord, TransferResult } from '../phone/call-manager.ts';

export interface TransferLog {
  insert(transfer: NewTransferRecord & { fromAgent: string }): Promise<void>;
  finish(id: string, result: TransferResult, detail: string, endedAt: number): Promise<void>;
  linkConsult(id: string, consultCallId: string): Promise<void>;
}

/** Each transfer of a call, kept with it (R20): who, to whom, blind or warm, note, result. */
export function createTransferLog(deps: { db: Kysely<DatabaseSchema> }): TransferLog {
  const { db } = deps;
  return {
    async insert(t) {
      await db
        .insertInto('transfers')
        .values({ id: t.id, call_id: t.callId, at: t.at, kind: t.kind, from_agent: t.fromAgent, target: t.target, note: t.note, result: 'pending', detail: '', ended_at: null })
        .execute();
    },
    async linkConsult(id, consultCallId) {
      await db.updateTable('transfers').set({ consult_call_id: consultCallId }).where('id', '=', id).execute();
    },
    async finish(id, result, detail, endedAt) {
      await db.updateTable('transfers').set({ result, detail, ended_at: endedAt }).where('id', '=', id).execute();
    },
  };
}
