import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/database-schema.ts';

/** Everyone whose calls are on this machine (their SIP addresses), for the statistics' and the export's agent lists. */
export async function callAgents(db: Kysely<DatabaseSchema>): Promise<string[]> {
  return (await db.selectFrom('calls').select('agent').distinct().where('agent', '!=', '').orderBy('agent').execute()).map((r) => r.agent);
}

/** The agent whose call this is; null for a call not in the history. */
export async function callAgent(db: Kysely<DatabaseSchema>, callId: string): Promise<string | null> {
  return (await db.selectFrom('calls').select('agent').where('id', '=', callId).executeTakeFirst())?.agent ?? null;
}
