import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../shared/clock.ts';
import { isPhoneNumberText, normalizePhoneNumber } from '../../shared/contacts/phone-number.ts';
import type { ImportReport } from '../../shared/ipc/contacts.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { contactFields } from './contact-fields.ts';
import { foldForSearch } from './search-text.ts';

type Field = 'name' | 'organization' | 'position' | 'email' | 'category' | 'notes' | 'phone';

/** Header names as offices write them, in English, Russian and Greek (compared folded). */
const headerAliases: Record<Field, string[]> = {
  name: ['name', 'full name', 'contact', 'имя', 'фио', 'контакт', 'όνομα', 'ονοματεπώνυμο', 'επαφή'],
  organization: ['organization', 'organisation', 'company', 'организация', 'компания', 'фирма', 'εταιρεία', 'οργανισμός'],
  position: ['position', 'title', 'job title', 'role', 'должность', 'θέση', 'ιδιότητα'],
  email: ['email', 'e-mail', 'mail', 'почта', 'эл. почта', 'электронная почта', 'ηλεκτρονικό ταχυδρομείο'],
  category: ['category', 'категория', 'κατηγορία'],
  notes: ['notes', 'note', 'comment', 'comments', 'заметки', 'примечание', 'комментарий', 'σημειώσεις', 'σχόλια'],
  phone: ['phone', 'phones', 'telephone', 'mobile', 'tel', 'телефон', 'телефоны', 'мобильный', 'τηλέφωνο', 'τηλέφωνα', 'κινητό'],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ImportDeps {
  db: Kysely<DatabaseSchema>;
  clock: Clock;
  region: string;
}

/**
 * Imports contacts from a CSV saved by Excel (UTF-8 with or without BOM, comma or semicolon).
 * Bad rows are reported by line; good rows are imported; all of it in one transaction. A row whose
 * phone already belongs to a contact updates that contact (re-importing a file does not duplicate).
 */
export async function importContactsCsv(deps: ImportDeps, text: string): Promise<ImportReport> {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  if (!headerLine.trim()) throw new RpcError('empty-file', 'The file is empty.');
  if (body.includes('\u0000')) throw new RpcError('not-csv', 'This is not a text CSV file (it contains binary data).');
  const delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';

  // The CSV parser is loaded by the first import, not at start.
  const { parse } = await import('csv-parse/sync');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, bom: true, relax_quotes: false }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const detail = `${line ? `line ${line}: ` : ''}${error instanceof Error ? error.message : String(error)}`;
    throw new RpcError('bad-csv', `The file could not be read as CSV (${detail})`, { detail });
  }
  const [header, ...rows] = records;
  if (!header) throw new RpcError('empty-file', 'The file is empty.');
  const columns = header.record.map((h) => matchHeader(h));
  if (!columns.includes('name') && !columns.includes('phone')) {
    throw new RpcError('no-columns', `No "name" or "phone" column was found in the header line (${header.record.join(delimiter)}).`, { header: header.record.join(delimiter) });
  }

  const report: ImportReport = { imported: 0, updated: 0, rejected: [] };
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const numbersInFile = new Map<string, number>();
    for (const { record, info } of rows) {
      const line = info.lines;
      const values: Record<Field, string[]> = { name: [], organization: [], position: [], email: [], category: [], notes: [], phone: [] };
      record.forEach((value, i) => {
        const field = columns[i];
        if (field && value.trim()) values[field].push(value.trim());
      });
      const name = values.name.join(' ');
      const rawPhones = values.phone.flatMap((p) => p.split(/[;,\n]/)).map((p) => p.trim()).filter(Boolean);
      const email = values.email[0] ?? '';
      const category = (values.category[0] ?? '').toUpperCase();
      if (!name && rawPhones.length === 0) {
        report.rejected.push({ line, code: 'no-name-or-phone', params: {}, reason: 'no name and no phone' });
        continue;
      }
      if (email && !EMAIL.test(email)) {
        report.rejected.push({ line, code: 'bad-email', params: { email }, reason: `invalid e-mail "${email}"` });
        continue;
      }
      if (category && !['A', 'B', 'C'].includes(category)) {
        report.rejected.push({ line, code: 'bad-category', params: { category }, reason: `category must be A, B or C, not "${category}"` });
        continue;
      }
      const badPhone = rawPhones.find((p) => !isPhoneNumberText(p));
      if (badPhone !== undefined) {
        report.rejected.push({ line, code: 'bad-phone', params: { phone: badPhone }, reason: `the phone "${badPhone}" is not a number` });
        continue;
      }
      const phones = rawPhones.map((p) => normalizePhoneNumber(p, deps.region).number);
      const duplicateInFile = phones.find((p) => numbersInFile.has(p));
      if (duplicateInFile) {
        const firstLine = numbersInFile.get(duplicateInFile) ?? 0;
        report.rejected.push({ line, code: 'number-twice', params: { number: duplicateInFile, firstLine }, reason: `the number ${duplicateInFile} is already on line ${firstLine}` });
        continue;
      }
      const owners = await trx.selectFrom('contact_phones').select(['contact_id', 'number']).where('number', 'in', phones.length ? phones : ['']).execute();
      const ownerIds = [...new Set(owners.map((o) => o.contact_id))];
      if (ownerIds.length > 1) {
        report.rejected.push({ line, code: 'numbers-of-several', params: { count: ownerIds.length }, reason: `its numbers belong to ${ownerIds.length} different contacts` });
        continue;
      }
      const fields = contactFields({
        name,
        organization: values.organization.join(' '),
        position: values.position.join(' '),
        email,
        category: (category || null) as 'A' | 'B' | 'C' | null,
        notes: values.notes.join('\n'),
      });
      let contactId = ownerIds[0];
      if (contactId) {
        await trx.updateTable('contacts').set({ ...fields, updated_at: now }).where('id', '=', contactId).execute();
        report.updated++;
      } else {
        contactId = uuidv7();
        await trx.insertInto('contacts').values({ id: contactId, ...fields, created_at: now, updated_at: now }).execute();
        report.imported++;
      }
      const known = new Set(owners.map((o) => o.number));
      const existingCount = Number((await trx.selectFrom('contact_phones').select((eb) => eb.fn.countAll().as('n')).where('contact_id', '=', contactId).executeTakeFirst())?.n ?? 0);
      let position = existingCount;
      for (const number of phones) {
        numbersInFile.set(number, line);
        if (known.has(number)) continue;
        await trx.insertInto('contact_phones').values({ id: uuidv7(), contact_id: contactId, number, label: '', position: position++ }).execute();
      }
    }
  });
  return report;
}

function matchHeader(raw: string): Field | null {
  const folded = raw.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+\d+$/, '');
  for (const [field, aliases] of Object.entries(headerAliases) as [Field, string[]][]) {
    if (aliases.some((a) => foldForSearch(a) === foldForSearch(folded))) return field;
  }
  return null;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
