import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/database-schema.ts';

/** The call's record keeps when the window carrying its audio went away (its recording stops there). */
export async function markCallMediaLost(db: Kysely<DatabaseSchema>, callId: string, at: number): Promise<void> {
  await db.updateTable('calls').set({ media_lost_at: at }).where('id', '=', callId).where('media_lost_at', 'is', null).execute();
}
