import type { Clock } from '../../shared/clock.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { CallScript, ScriptListing, ScriptLocale } from '../../shared/scripts/call-script.ts';
import { parseCallScript } from '../../shared/scripts/parse-call-script.ts';
import type { AuditLog } from '../admin/audit-log.ts';
import type { CustomScripts } from './custom-scripts.ts';
import type { ScriptLibrary } from './script-library.ts';

export interface ScriptCatalog {
  list(): Promise<ScriptListing[]>;
  get(id: string, locale: ScriptLocale): Promise<CallScript | null>;
  /** Saves an admin's script (from the editor). Shipped scripts' ids are reserved. */
  save(script: CallScript, actor: string): Promise<ScriptListing>;
  /**
   * Imports a script file. A file that does not validate changes nothing and is refused with every
   * problem named by its place (`invalid-script`).
   */
  import(json: string, actor: string): Promise<ScriptListing>;
  /** Deletes an admin's script; the one the desk uses cannot go. */
  delete(id: string, locale: ScriptLocale, actor: string, inUse: { id: string; locale: ScriptLocale }): Promise<void>;
}

/** The shipped scripts (files) and the office's own (database), as one catalog with its rules. */
export function createScriptCatalog(deps: { shipped: ScriptLibrary; custom: CustomScripts; audit: AuditLog; clock: Clock }): ScriptCatalog {
  const { shipped, custom, audit, clock } = deps;
  const listing = (script: CallScript, isShipped: boolean): ScriptListing => ({ id: script.id, locale: script.locale, name: script.name, shipped: isShipped });
  const store = async (script: CallScript, actor: string, imported: boolean) => {
    if (shipped.list().some((s) => s.id === script.id)) {
      throw new RpcError('script-id-reserved', `"${script.id}" is the id of a script shipped with Ringside: give your copy its own id.`, { id: script.id });
    }
    await custom.save(script, actor, clock.now());
    await audit.record(actor, 'script-saved', { id: script.id, locale: script.locale, name: script.name, imported });
    return listing(script, false);
  };
  return {
    async list() {
      return [...shipped.list().map((s) => ({ ...s, shipped: true })), ...(await custom.all()).map((s) => listing(s, false))];
    },
    async get(id, locale) {
      return shipped.get(id, locale) ?? (await custom.get(id, locale));
    },
    save: (script, actor) => store(script, actor, false),
    async import(json, actor) {
      const parsed = parseCallScript(json);
      if (!parsed.ok) throw new RpcError('invalid-script', `The script was not imported:\n${parsed.errors.join('\n')}`, { detail: parsed.errors.join('\n') });
      return store(parsed.script, actor, true);
    },
    async delete(id, locale, actor, inUse) {
      if (inUse.id === id && inUse.locale === locale) {
        throw new RpcError('script-in-use', 'This desk follows this script: choose another in Settings first.');
      }
      const script = await custom.get(id, locale);
      if (!script || !(await custom.delete(id, locale))) throw new RpcError('no-such-script', 'That script is not there (shipped scripts cannot be deleted).');
      await audit.record(actor, 'script-deleted', { id, locale, name: script.name });
    },
  };
}
