import type { Selectable } from 'kysely';
import type { Contact, ContactPhone } from '../../shared/ipc/contacts.ts';
import type { ContactsTable } from '../db/database-schema.ts';

/** The columns of a contact the screens read (search_text is only for searching). */
export type ContactRow = Omit<Selectable<ContactsTable>, 'search_text'>;

/** A contact's stored row and phones as the screens get it. */
export function contactFromRow(row: ContactRow, phones: ContactPhone[]): Contact {
  return {
    id: row.id,
    name: row.name,
    organization: row.organization,
    position: row.position,
    email: row.email,
    category: row.category,
    notes: row.notes,
    phones,
    profile: {
      source: row.source,
      values: row.values_text,
      budget: row.budget,
      orderVolume: row.order_volume,
      orderFrequency: row.order_frequency,
      decides: row.decides,
      otherDeciders: row.other_deciders,
      doesNotWant: row.does_not_want,
      solvedBefore: row.solved_before,
      temperature: row.temperature,
    },
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
