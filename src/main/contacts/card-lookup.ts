import type { ClientCard } from '../../shared/ipc/contacts.ts';

/**
 * The screen pop's reads, by whichever backend holds the contacts (hand-prepared statements on
 * SQLite: sqlite-card-lookup.ts), so the contact repository stays the same on another database.
 */
export interface CardLookup {
  /** The contact with this normalized number and its phones, and its last five calls, or the number's when nobody has it. */
  find(number: string): Promise<Pick<ClientCard, 'contact' | 'recentCalls'>>;
}
