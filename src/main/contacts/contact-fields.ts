import type { ContactInput } from '../../shared/ipc/contacts.ts';
import { sanitizeDisplayName } from '../../shared/text/sanitize-display-name.ts';
import { sanitizeMultiline } from '../../shared/text/sanitize-multiline.ts';
import type { ContactsTable } from '../db/database-schema.ts';
import { foldForSearch } from './search-text.ts';

/**
 * A contact's columns as stored, from the card form or a CSV line alike: plain readable text (no
 * control characters or direction overrides: a CSV comes from anywhere), notes keep their lines.
 */
export function contactFields(input: Pick<ContactInput, 'name' | 'organization' | 'position' | 'email' | 'category' | 'notes'>): Pick<ContactsTable, 'name' | 'organization' | 'position' | 'email' | 'category' | 'notes' | 'search_text'> {
  const name = sanitizeDisplayName(input.name, 200);
  const organization = sanitizeDisplayName(input.organization, 200);
  return {
    name,
    organization,
    position: sanitizeDisplayName(input.position, 200),
    email: sanitizeDisplayName(input.email, 200),
    category: input.category,
    notes: sanitizeMultiline(input.notes, 10_000),
    search_text: foldForSearch(`${name} ${organization}`),
  };
}
