import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { CallSummary, ClientCard, ContactPhone } from '../../shared/ipc/contacts.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import type { CardLookup } from './card-lookup.ts';
import { contactFromRow, type ContactRow } from './contact-row.ts';

type CallRow = Omit<CallSummary, 'recorded'> & { recorded: 0 | 1 };

const CONTACT_COLUMNS = 'id, name, organization, position, email, category, notes, created_at, updated_at, source, values_text, budget, order_volume, order_frequency, decides, other_deciders, does_not_want, solved_before, temperature';
const RECENT_CALLS = `select id, direction, status, invite_at as inviteAt, duration_ms as durationMs,
  exists (select 1 from recordings r where r.call_id = calls.id and r.status in ('final', 'recovered')) as recorded
  from calls`;

/**
 * The screen pop on SQLite: statements prepared once when the store is built (preparing is most of
 * a lookup's cost), rows named as the card's fields. The number and the contact are two statements,
 * not a join: on 1,000,000 contacts the join took about five times as long (31 µs against 6 µs).
 * They run on the connection directly, outside Kysely; while a Kysely transaction is open on it a
 * lookup waits for Kysely's connection as before, so it never reads a write that may be rolled back.
 */
export function createSqliteCardLookup(deps: { sqlite: Database.Database; db: Kysely<DatabaseSchema> }): CardLookup {
  const { sqlite } = deps;
  const contactIdByNumber = sqlite.prepare<[string], string>('select contact_id from contact_phones where number = ?').pluck();
  const contactById = sqlite.prepare<[string], ContactRow>(`select ${CONTACT_COLUMNS} from contacts where id = ?`);
  const phonesOfContact = sqlite.prepare<[string], ContactPhone>('select number, label from contact_phones where contact_id = ? order by position');
  const callsOfContact = sqlite.prepare<[string], CallRow>(`${RECENT_CALLS} where contact_id = ? order by invite_at desc limit 5`);
  const callsOfNumber = sqlite.prepare<[string], CallRow>(`${RECENT_CALLS} where remote_e164 = ? order by invite_at desc limit 5`);

  const read = (number: string): Pick<ClientCard, 'contact' | 'recentCalls'> => {
    const contactId = contactIdByNumber.get(number);
    const row = contactId === undefined ? undefined : contactById.get(contactId);
    if (!row) return { contact: null, recentCalls: callsOfNumber.all(number).map(summary) };
    return { contact: contactFromRow(row, phonesOfContact.all(row.id)), recentCalls: callsOfContact.all(row.id).map(summary) };
  };

  return {
    find: (number) => (sqlite.inTransaction ? deps.db.connection().execute(() => Promise.resolve(read(number))) : Promise.resolve(read(number))),
  };
}

/** SQLite gives exists() as 0 or 1. */
const summary = (row: CallRow): CallSummary => ({ ...row, recorded: row.recorded === 1 });
