import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../shared/clock.ts';
import type { AuditAction, AuditEntry } from '../../shared/ipc/admin.ts';
import type { AuditLogTable, DatabaseSchema } from '../db/database-schema.ts';

export interface AuditLog {
  record(actor: string, action: AuditAction, details: Record<string, unknown>): Promise<void>;
  list(limit: number): Promise<AuditEntry[]>;
}

/** Who exported, deleted or changed admin settings, when, and with what filter and counts. */
export function createAuditLog(deps: { db: Kysely<DatabaseSchema>; clock: Clock }): AuditLog {
  return {
    async record(actor, action, details) {
      await deps.db.insertInto('audit_log').values(auditRow(deps.clock, actor, action, details)).execute();
    },
    async list(limit) {
      const rows = await deps.db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, at: Number(r.at), actor: r.actor, action: r.action, details: JSON.parse(r.details) as Record<string, unknown> }));
    },
  };
}

/** One audit entry as stored: for a change that writes its entry in its own transaction. */
export function auditRow(clock: Clock, actor: string, action: AuditAction, details: Record<string, unknown>): AuditLogTable {
  return { id: uuidv7(), at: clock.now(), actor, action, details: JSON.stringify(details) };
}
