import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { RetentionCandidate } from '../../shared/ipc/recordings.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { peaksFileFor } from './recording-peaks-cache.ts';

const DAY_MS = 86_400_000;

/** Finished recordings that started more than `days` days before `now`, oldest first. */
export async function listExpiredRecordings(db: Kysely<DatabaseSchema>, days: number, now: number): Promise<RetentionCandidate[]> {
  const rows = await db
    .selectFrom('recordings')
    .innerJoin('calls', 'calls.id', 'recordings.call_id')
    .leftJoin('contacts', 'contacts.id', 'calls.contact_id')
    .select(['recordings.id', 'recordings.call_id', 'recordings.started_at', 'recordings.bytes', 'contacts.name', 'calls.remote_number', 'calls.remote_e164'])
    .where('recordings.status', 'in', ['final', 'recovered'])
    .where('recordings.started_at', '<', now - days * DAY_MS)
    .orderBy('recordings.started_at')
    .execute();
  return rows.map((r) => ({
    recordingId: r.id,
    callId: r.call_id,
    startedAt: Number(r.started_at),
    client: r.name ?? r.remote_e164 ?? r.remote_number,
    bytes: Number(r.bytes),
  }));
}

/**
 * Deletes the recordings the admin confirmed, and only those: an id that was not listed, or is no
 * longer older than `days`, is left alone. Call records stay (statistics and history need them).
 */
export async function deleteExpiredRecordings(
  deps: { db: Kysely<DatabaseSchema>; dataDir: string },
  confirmed: { days: number; recordingIds: string[] },
  now: number,
): Promise<{ deleted: RetentionCandidate[] }> {
  const wanted = new Set(confirmed.recordingIds);
  const expired = (await listExpiredRecordings(deps.db, confirmed.days, now)).filter((r) => wanted.has(r.recordingId));
  const deleted: RetentionCandidate[] = [];
  for (const candidate of expired) {
    const row = await deps.db.selectFrom('recordings').select('file').where('id', '=', candidate.recordingId).executeTakeFirst();
    if (!row) continue;
    // The row goes first: a crash in between leaves a stray file, never a row pointing at nothing.
    await deps.db.deleteFrom('recordings').where('id', '=', candidate.recordingId).execute();
    rmSync(join(deps.dataDir, row.file), { force: true });
    rmSync(peaksFileFor(join(deps.dataDir, row.file)), { force: true });
    deleted.push(candidate);
  }
  return { deleted };
}
