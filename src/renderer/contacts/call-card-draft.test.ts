import { describe, expect, it } from 'vitest';
import type { ContactInput } from '../../shared/ipc/contacts.ts';
import { callCardDraft, isBlankCard } from './call-card-draft.ts';

const number = '+302107654321';
const empty: ContactInput = { name: '', organization: '', position: '', email: '', category: null, notes: '', phones: [{ number, label: '' }] };

describe('a new caller\'s card as it is typed', () => {
  it('is blank with nothing but the caller\'s number, and not once anything is written or captured', () => {
    expect(isBlankCard(callCardDraft(empty, new Set(), {}), number)).toBe(true);
    expect(isBlankCard(callCardDraft({ ...empty, notes: 'wants a quote' }, new Set(['notes']), {}), number)).toBe(false);
    expect(isBlankCard(callCardDraft(empty, new Set(), { budget: '2 000 €' }), number)).toBe(false);
    expect(isBlankCard(callCardDraft(empty, new Set(), { name: 'Ηλίας' }), number)).toBe(false);
    expect(isBlankCard(callCardDraft({ ...empty, phones: [{ number: '6944000000', label: '' }] }, new Set(), {}), number)).toBe(false);
  });

  it('holds what was typed, else what the script captured, and the script\'s other answers apart', () => {
    const draft = callCardDraft({ ...empty, organization: 'Север' }, new Set(['organization']), { name: 'Ольга', organization: 'ignored', budget: '5 000 €', source: '' });
    expect(draft).toEqual({ contact: { ...empty, name: 'Ольга', organization: 'Север' }, captured: { budget: '5 000 €' } });
    // A field typed and then cleared stays empty: the person cleared it.
    expect(callCardDraft(empty, new Set(['name']), { name: 'Ольга' }).contact.name).toBe('');
  });
});
