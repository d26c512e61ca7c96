import type { Kysely } from 'kysely';
import type { RecordingInfo } from '../../shared/ipc/recordings.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

/**
 * A call's recordings for the player. Pauses are kept per call; each is placed on the recording it
 * falls in, in ms from that recording's start (an open pause runs to the recording's end).
 */
export async function recordingsForCall(db: Kysely<DatabaseSchema>, callId: string): Promise<RecordingInfo[]> {
  const rows = await db.selectFrom('recordings').selectAll().where('call_id', '=', callId).orderBy('started_at').execute();
  const pauses = await db.selectFrom('recording_pauses').selectAll().where('call_id', '=', callId).orderBy('paused_at').execute();
  return rows.map((r) => {
    const start = Number(r.started_at);
    const end = r.finished_at === null ? Number.POSITIVE_INFINITY : Number(r.finished_at);
    const length = r.duration_ms ?? end - start;
    return {
      id: r.id,
      callId: r.call_id,
      status: r.status,
      startedAt: start,
      durationMs: r.duration_ms,
      bytes: Number(r.bytes),
      sha256: r.sha256,
      mediaPath: `recordings/${r.id}`,
      pauses: pauses
        .filter((p) => Number(p.paused_at) < end && (p.resumed_at === null || Number(p.resumed_at) > start))
        .map((p) => ({
          startMs: Math.max(0, Number(p.paused_at) - start),
          endMs: Math.min(length, (p.resumed_at === null ? end : Number(p.resumed_at)) - start),
          by: p.paused_by,
        })),
    };
  });
}
