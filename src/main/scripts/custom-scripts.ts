import type { Kysely } from 'kysely';
import type { CallScript, ScriptLocale } from '../../shared/scripts/call-script.ts';
import { parseCallScript } from '../../shared/scripts/parse-call-script.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

export interface CustomScripts {
  all(): Promise<CallScript[]>;
  get(id: string, locale: ScriptLocale): Promise<CallScript | null>;
  /** Saves (creates or replaces) a script that has already been validated. */
  save(script: CallScript, actor: string, now: number): Promise<void>;
  delete(id: string, locale: ScriptLocale): Promise<boolean>;
}

/** The office's own scripts, in SQLite. Rows are re-validated on read: a bad row is skipped, not shown. */
export function createCustomScripts(deps: { db: Kysely<DatabaseSchema>; onInvalid(id: string, errors: string[]): void }): CustomScripts {
  const { db } = deps;
  const read = (row: { id: string; body: string }): CallScript | null => {
    const parsed = parseCallScript(row.body);
    if (parsed.ok) return parsed.script;
    deps.onInvalid(row.id, parsed.errors);
    return null;
  };
  return {
    async all() {
      const rows = await db.selectFrom('scripts').select(['id', 'body']).orderBy('id').orderBy('locale').execute();
      return rows.map(read).filter((s): s is CallScript => s !== null);
    },
    async get(id, locale) {
      const row = await db.selectFrom('scripts').select(['id', 'body']).where('id', '=', id).where('locale', '=', locale).executeTakeFirst();
      return row ? read(row) : null;
    },
    async save(script, actor, now) {
      const body = JSON.stringify(script);
      await db
        .insertInto('scripts')
        .values({ id: script.id, locale: script.locale, body, updated_at: now, updated_by: actor })
        .onConflict((oc) => oc.columns(['id', 'locale']).doUpdateSet({ body, updated_at: now, updated_by: actor }))
        .execute();
    },
    async delete(id, locale) {
      const result = await db.deleteFrom('scripts').where('id', '=', id).where('locale', '=', locale).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
