import type { Kysely, Selectable } from 'kysely';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { Colleague, ColleagueInput, Presence } from '../../shared/ipc/colleagues.ts';
import type { ColleaguesTable, DatabaseSchema } from '../db/database-schema.ts';

export interface ColleagueDirectory {
  list(): Promise<Colleague[]>;
  save(input: ColleagueInput): Promise<Colleague>;
  remove(id: string): Promise<void>;
  /** A status heard from (or about) the colleague with this extension; false when they are not in the directory. */
  setPresence(extension: string, presence: Presence, at: number): Promise<boolean>;
}

/**
 * The office's colleagues (R20). Their lines (busy lamps) are live, never stored: colleague-lines.ts
 * adds them.
 */
export function createColleagueDirectory(deps: { db: Kysely<DatabaseSchema>; newId(): string }): ColleagueDirectory {
  const { db } = deps;
  const toColleague = (r: Selectable<ColleaguesTable>): Colleague => ({
    id: r.id,
    name: r.name,
    extension: r.extension,
    role: r.role,
    handles: r.handles,
    presence: r.presence,
    presenceAt: r.presence_at,
    line: null,
  });
  return {
    async list() {
      return (await db.selectFrom('colleagues').selectAll().orderBy('name').execute()).map(toColleague);
    },
    async save(input) {
      const clash = await db.selectFrom('colleagues').select('id').where('extension', '=', input.extension).executeTakeFirst();
      if (clash && clash.id !== input.id) throw new RpcError('extension-taken', `Extension ${input.extension} already belongs to someone in the directory.`, { extension: input.extension });
      if (input.id) {
        await db.updateTable('colleagues').set({ name: input.name, extension: input.extension, role: input.role, handles: input.handles }).where('id', '=', input.id).execute();
      } else {
        await db.insertInto('colleagues').values({ id: deps.newId(), name: input.name, extension: input.extension, role: input.role, handles: input.handles, presence: 'unknown', presence_at: null }).execute();
      }
      const row = await db.selectFrom('colleagues').selectAll().where('extension', '=', input.extension).executeTakeFirstOrThrow();
      return toColleague(row);
    },
    async remove(id) {
      await db.deleteFrom('colleagues').where('id', '=', id).execute();
    },
    async setPresence(extension, presence, at) {
      const result = await db.updateTable('colleagues').set({ presence, presence_at: at }).where('extension', '=', extension).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
