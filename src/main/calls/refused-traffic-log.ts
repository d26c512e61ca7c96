import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { refusalReasonSchema, type RefusalReason, type RefusedTraffic } from '../../shared/ipc/refused-traffic.ts';

const HOUR_MS = 3_600_000;

export interface RefusedInvite {
  at: number;
  reason: RefusalReason;
  /** host:port of its bottom Via (invite-source.ts). */
  source: string;
}

/** INVITEs refused before they rang: one row per hour and reason, counted (migration 0015). */
export interface RefusedTrafficLog {
  record(refusal: RefusedInvite): Promise<void>;
  /** What was refused from `since` on, by reason. */
  summary(since: number): Promise<RefusedTraffic>;
}

export function createRefusedTrafficLog(deps: { db: Kysely<DatabaseSchema> }): RefusedTrafficLog {
  const { db } = deps;
  return {
    async record({ at, reason, source }) {
      await db
        .insertInto('refused_traffic')
        .values({ hour_start: Math.floor(at / HOUR_MS) * HOUR_MS, reason, count: 1, last_at: at, last_source: source })
        .onConflict((oc) =>
          oc.columns(['hour_start', 'reason']).doUpdateSet({
            count: sql<number>`refused_traffic.count + 1`,
            last_at: (eb) => eb.ref('excluded.last_at'),
            last_source: (eb) => eb.ref('excluded.last_source'),
          }),
        )
        .execute();
    },
    async summary(since) {
      const rows = await db
        .selectFrom('refused_traffic')
        .where('hour_start', '>=', Math.floor(since / HOUR_MS) * HOUR_MS)
        .select(['reason', sql<number>`sum(count)`.as('count'), sql<number>`max(last_at)`.as('last_at')])
        // SQLite takes a bare column from the row that holds the max(): the last source seen.
        .select('last_source')
        .groupBy('reason')
        .orderBy('reason')
        .execute();
      return {
        since,
        reasons: rows.flatMap((r) => {
          const reason = refusalReasonSchema.safeParse(r.reason);
          return reason.success ? [{ reason: reason.data, count: Number(r.count), lastAt: Number(r.last_at), lastSource: r.last_source }] : [];
        }),
      };
    },
  };
}
