import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../shared/clock.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

export interface RecordingPauses {
  pause(callId: string, by: string): Promise<void>;
  resume(callId: string): Promise<void>;
}

/** The audit trail of paused recordings (R29 evidence: a gap in a recording must be explained). */
export function createRecordingPauses(deps: { db: Kysely<DatabaseSchema>; clock: Clock }): RecordingPauses {
  const open = (callId: string) => deps.db.selectFrom('recording_pauses').select('id').where('call_id', '=', callId).where('resumed_at', 'is', null).executeTakeFirst();
  return {
    async pause(callId, by) {
      if (await open(callId)) return;
      await deps.db.insertInto('recording_pauses').values({ id: uuidv7(), call_id: callId, paused_by: by, paused_at: deps.clock.now(), resumed_at: null }).execute();
    },
    async resume(callId) {
      await deps.db.updateTable('recording_pauses').set({ resumed_at: deps.clock.now() }).where('call_id', '=', callId).where('resumed_at', 'is', null).execute();
    },
  };
}
