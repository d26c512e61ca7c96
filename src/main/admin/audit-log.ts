import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../shared/clock.ts';
import type { AuditAction, AuditEntry } from '../../shared/ipc/admin.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

export interface AuditLog {
  record(actor: string, action: AuditAction, details: Record<string, unknown>): Promise<void>;
  list(limit: number): Promise<AuditEntry[]>;
}

/** Who exported, deleted or changed admin settings, when, and with what filter and counts. */
export function createAuditLog(deps: { db: Kysely<DatabaseSchema>; clock: Clock }): AuditLog {
  return {
    async record(actor, action, details) {
      await deps.db.insertInto('audit_log').values({ id: uuidv7(), at: deps.clock.now(), actor, action, details: JSON.stringify(details) }).execute();
    },
    async list(limit) {
      const rows = await deps.db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, at: Number(r.at), actor: r.actor, action: r.action, details: JSON.parse(r.details) as Record<string, unknown> }));
    },
  };
}
