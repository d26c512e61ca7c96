import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../shared/clock.ts';
import { normalizePhoneNumber } from '../../shared/contacts/phone-number.ts';
import type { ClientCard, Contact, ContactInput, ImportReport } from '../../shared/ipc/contacts.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import type { CardLookup } from './card-lookup.ts';
import { contactFields } from './contact-fields.ts';
import { contactFromRow } from './contact-row.ts';
import { deleteContact } from './delete-contact.ts';
import { importContactsCsv } from './import-contacts-csv.ts';
import { foldForSearch } from './search-text.ts';
import type { CardField } from '../../shared/scripts/call-script.ts';

/** The office's contacts as screens and the phone read them. */
export interface ContactReader {
  /** The screen pop: normalize, look up by index, and the last five calls. */
  cardForNumber(rawNumber: string): Promise<ClientCard>;
  get(id: string): Promise<Contact | null>;
  search(query: string, limit: number): Promise<Contact[]>;
}

export interface ContactWriter {
  save(input: ContactInput): Promise<Contact>;
  /** One answer the call script captured into the card (R28), saved as it is typed. */
  capture(contactId: string, field: CardField, value: string): Promise<Contact | null>;
  /**
   * A new caller's card typed during the call, with the script's other answers, in one transaction:
   * the first save creates the contact and links the call to it, the next ones update that contact.
   */
  saveForCall(callId: string, input: Omit<ContactInput, 'id'>, captured: Partial<Record<CardField, string>>): Promise<Contact>;
  /** Deletes a contact with its audit entry (delete-contact.ts); its calls stay. */
  remove(id: string, actor: string): Promise<{ callsKept: number }>;
  /** Imports an office's CSV (import-contacts-csv.ts), its numbers read in `region`. */
  importCsv(text: string, region: string): Promise<ImportReport>;
}

export type ContactRepository = ContactReader & ContactWriter;

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export function createContactRepository(deps: { db: Kysely<DatabaseSchema>; cards: CardLookup; clock: Clock; region: () => string }): ContactRepository {
  const { db } = deps;

  return {
    async cardForNumber(rawNumber) {
      const { number } = normalizePhoneNumber(rawNumber, deps.region());
      if (!number) return { match: 'none', number: rawNumber, contact: null, recentCalls: [] };
      const { contact, recentCalls } = await deps.cards.find(number);
      return { match: contact ? 'number' : 'none', number, contact, recentCalls };
    },

    get: (id) => loadContact(db, id),

    async save(input) {
      const phones = normalizedPhones(input, deps.region());
      const id = await db.transaction().execute((trx) => writeContact(trx, input, phones, deps.clock.now()));
      return readBack(db, id);
    },

    async saveForCall(callId, input, captured) {
      const phones = normalizedPhones(input, deps.region());
      const now = deps.clock.now();
      const id = await db.transaction().execute(async (trx) => {
        const call = await trx.selectFrom('calls').select('contact_id').where('id', '=', callId).executeTakeFirst();
        if (!call) throw new RpcError('no-such-call', 'This call is not in the history.');
        const contactId = await writeContact(trx, { ...input, ...(call.contact_id && { id: call.contact_id }) }, phones, now);
        // The card's own fields come from the form (which shows the script's answers until typed over).
        const answers = Object.entries(captured).filter(([field]) => field !== 'name' && field !== 'organization' && field !== 'position') as [CardField, string][];
        if (answers.length > 0) await trx.updateTable('contacts').set(answers.reduce<Record<string, string | null>>((set, [field, value]) => ({ ...set, ...capturedColumns(field, value) }), {})).where('id', '=', contactId).execute();
        if (call.contact_id !== contactId) await trx.updateTable('calls').set({ contact_id: contactId }).where('id', '=', callId).execute();
        return contactId;
      });
      return readBack(db, id);
    },

    async capture(contactId, field, value) {
      const set = capturedColumns(field, value);
      const current = await db.selectFrom('contacts').select(['name', 'organization']).where('id', '=', contactId).executeTakeFirst();
      if (!current) return null;
      if (field === 'name' || field === 'organization') {
        const next = { ...current, ...set };
        set.search_text = foldForSearch(`${next.name} ${next.organization}`);
      }
      await db.updateTable('contacts').set({ ...set, updated_at: deps.clock.now() }).where('id', '=', contactId).execute();
      return loadContact(db, contactId);
    },

    async search(query, limit) {
      const folded = foldForSearch(query.trim());
      let q = db.selectFrom('contacts').select('id').orderBy('name').limit(limit);
      if (folded) {
        const like = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const digits = query.replace(/\D/g, '');
        q = q.where((eb) =>
          eb.or([
            // The backslash escapes of % and _ hold only with ESCAPE named (SQLite has no default escape character).
            sql<SqlBool>`${sql.ref('search_text')} like ${like} escape '\\'`,
            ...(digits.length >= 3
              ? [eb('id', 'in', eb.selectFrom('contact_phones').select('contact_id').where('number', 'like', `%${digits}%`))]
              : []),
          ]),
        );
      }
      const ids = await q.execute();
      const contacts = await Promise.all(ids.map((r) => loadContact(db, r.id)));
      return contacts.filter((c): c is Contact => c !== null);
    },
    remove: (id, actor) => deleteContact({ db, clock: deps.clock }, id, actor),
    importCsv: (text, region) => importContactsCsv({ db, clock: deps.clock, region }, text),
  };
}

/** A captured answer as the columns it is stored in (a choice not offered is stored as none). */
function capturedColumns(field: CardField, value: string): Record<string, string | null> {
  const text = value.trim().slice(0, 500);
  if (field === 'category') return { category: ['A', 'B', 'C'].includes(text) ? text : null };
  if (field === 'temperature') return { temperature: ['hot', 'warm', 'cold'].includes(text) ? text : null };
  return { [CAPTURE_COLUMNS[field]]: text };
}

/** The phones as stored (E.164 where possible), in order; a number listed twice is refused. */
function normalizedPhones(input: Pick<ContactInput, 'phones'>, region: string) {
  const phones = input.phones
    .map((p, position) => ({ ...normalizePhoneNumber(p.number, region), label: p.label.trim(), position }))
    .filter((p) => p.number !== '');
  const seen = new Set<string>();
  for (const phone of phones) {
    if (seen.has(phone.number)) throw new RpcError('duplicate-phone', `The number ${phone.number} is listed twice.`, { number: phone.number });
    seen.add(phone.number);
  }
  return phones;
}

/** Creates (no id) or updates a contact and replaces its phones; a number another contact has is refused. Returns its id. */
async function writeContact(trx: Transaction<DatabaseSchema>, input: ContactInput, phones: ReturnType<typeof normalizedPhones>, now: number): Promise<string> {
  const fields = contactFields(input);
  let contactId = input.id;
  if (contactId) {
    const updated = await trx.updateTable('contacts').set({ ...fields, updated_at: now }).where('id', '=', contactId).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new RpcError('no-such-contact', 'That contact no longer exists.');
    await trx.deleteFrom('contact_phones').where('contact_id', '=', contactId).execute();
  } else {
    contactId = uuidv7();
    await trx.insertInto('contacts').values({ id: contactId, ...fields, created_at: now, updated_at: now }).execute();
  }
  for (const phone of phones) {
    const owner = await trx.selectFrom('contact_phones').innerJoin('contacts', 'contacts.id', 'contact_phones.contact_id').select(['contacts.name']).where('number', '=', phone.number).executeTakeFirst();
    if (owner) throw owner.name
        ? new RpcError('phone-taken', `The number ${phone.number} already belongs to ${owner.name}.`, { number: phone.number, owner: owner.name })
        : new RpcError('phone-taken-unnamed', `The number ${phone.number} already belongs to another contact.`, { number: phone.number });
    await trx.insertInto('contact_phones').values({ id: uuidv7(), contact_id: contactId, number: phone.number, label: phone.label, position: phone.position }).execute();
  }
  return contactId;
}

async function readBack(db: Db, id: string): Promise<Contact> {
  const saved = await loadContact(db, id);
  if (!saved) throw new Error('The saved contact could not be read back');
  return saved;
}

/** Where each card field a script captures is stored. */
const CAPTURE_COLUMNS: Record<CardField, string> = {
  name: 'name',
  organization: 'organization',
  position: 'position',
  source: 'source',
  values: 'values_text',
  budget: 'budget',
  orderVolume: 'order_volume',
  orderFrequency: 'order_frequency',
  decides: 'decides',
  otherDeciders: 'other_deciders',
  doesNotWant: 'does_not_want',
  solvedBefore: 'solved_before',
  temperature: 'temperature',
  category: 'category',
};

/** The fields the contact form edits; the ones a script captured are left as they are. */

export async function loadContact(db: Db, id: string): Promise<Contact | null> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const phones = await db.selectFrom('contact_phones').select(['number', 'label']).where('contact_id', '=', id).orderBy('position').execute();
  return contactFromRow(row, phones);
}
