import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.ts';
import { callProgressSchema, type CallProgress } from '../../shared/scripts/call-progress.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

export interface CallProgressStore {
  /** Every change of the script panel is saved at once: a hang-up or a crash loses nothing typed. */
  save(callId: string, progress: CallProgress): Promise<void>;
  load(callId: string): Promise<CallProgress | null>;
}

export function createCallProgressStore(deps: { db: Kysely<DatabaseSchema>; clock: Clock }): CallProgressStore {
  return {
    async save(callId, progress) {
      const row = { script_id: progress.scriptId, progress: JSON.stringify(progress), furthest_stage: progress.furthestStage, updated_at: deps.clock.now() };
      await deps.db
        .insertInto('call_progress')
        .values({ call_id: callId, ...row })
        .onConflict((oc) => oc.column('call_id').doUpdateSet(row))
        .execute();
    },
    async load(callId) {
      const row = await deps.db.selectFrom('call_progress').select('progress').where('call_id', '=', callId).executeTakeFirst();
      if (!row) return null;
      const parsed = callProgressSchema.safeParse(JSON.parse(row.progress));
      return parsed.success ? parsed.data : null;
    },
  };
}
