import type { ContactInput } from '../../shared/ipc/contacts.ts';
import type { CardField } from '../../shared/scripts/call-script.ts';

/** The card form's fields that show what the script captured until the person types in them. */
export type SuggestedField = 'name' | 'organization' | 'position';
const suggestedFields: readonly SuggestedField[] = ['name', 'organization', 'position'];

export type Captured = Partial<Record<CardField, string>>;

/** The form as it would be saved: a field the person has not typed in holds what the script captured. */
export function withSuggestions(form: ContactInput, typed: ReadonlySet<string>, suggested: Captured): ContactInput {
  const filled = { ...form };
  for (const key of suggestedFields) if (!typed.has(key) && !form[key]) filled[key] = suggested[key] ?? '';
  return { ...filled, phones: form.phones.filter((p) => p.number.trim() !== '') };
}

/** What a new caller's card sends to main as it is typed: the card, and the script's other answers. */
export interface CallCardDraft {
  contact: Omit<ContactInput, 'id'>;
  captured: Captured;
}

/** The new caller's card so far: what the form shows, and the script's other answers. */
export function callCardDraft(form: ContactInput, typed: ReadonlySet<string>, captured: Captured): CallCardDraft {
  const { id: _id, ...contact } = withSuggestions(form, typed, captured);
  const answers = Object.fromEntries(Object.entries(captured).filter(([field, value]) => value && !(suggestedFields as readonly string[]).includes(field))) as Captured;
  return { contact, captured: answers };
}

/** Nothing written yet but the caller's own number: such a card is not created by itself. */
export function isBlankCard({ contact, captured }: CallCardDraft, callerNumber: string): boolean {
  const texts = [contact.name, contact.organization, contact.position, contact.email, contact.notes];
  return texts.every((text) => text.trim() === '') && contact.category === null && contact.phones.every((p) => p.number === callerNumber) && Object.keys(captured).length === 0;
}
