import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import { auditRow } from '../admin/audit-log.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

/**
 * Deletes a contact and its numbers, and writes the audit entry in the same transaction (no
 * deletion without its entry). Its calls stay in the history: the schema sets their contact to
 * null and they keep the caller's number and display name.
 */
export async function deleteContact(deps: { db: Kysely<DatabaseSchema>; clock: Clock }, id: string, actor: string): Promise<{ callsKept: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const contact = await trx.selectFrom('contacts').select('name').where('id', '=', id).executeTakeFirst();
    if (!contact) throw new RpcError('no-such-contact', 'That contact no longer exists.');
    const phones = await trx.selectFrom('contact_phones').select('number').where('contact_id', '=', id).orderBy('position').execute();
    const calls = await trx.selectFrom('calls').select((eb) => eb.fn.countAll<number>().as('n')).where('contact_id', '=', id).executeTakeFirstOrThrow();
    const callsKept = Number(calls.n);
    await trx.deleteFrom('contacts').where('id', '=', id).execute();
    await trx.insertInto('audit_log').values(auditRow(deps.clock, actor, 'contact-deleted', { id, name: contact.name, phones: phones.map((p) => p.number), callsKept })).execute();
    return { callsKept };
  });
}
