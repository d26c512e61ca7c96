import type Database from 'better-sqlite3';

interface AnchorCall {
  id: string;
  direction: string;
  status: string;
  invite_at: number;
  duration_ms: number | null;
  recorded: number;
}

/** What the anchor reads for one number: the rows only, not shaped into a card. */
export interface AnchorCard {
  contact: Record<string, unknown> | null;
  phones: { number: string; label: string }[];
  calls: AnchorCall[];
}

const RECENT = `select id, direction, status, invite_at, duration_ms,
  exists (select 1 from recordings where recordings.call_id = calls.id and recordings.status in ('final', 'recovered')) as recorded
  from calls`;

/**
 * The floor the screen pop is measured against: raw better-sqlite3 doing the four indexed queries
 * of a card (phone → contact, the contact, its phones, its or the number's last five calls) with
 * statements prepared once, on a number already normalized.
 */
export function createScreenPopAnchor(sqlite: Database.Database): (number: string) => AnchorCard {
  const contactIdByNumber = sqlite.prepare<[string], string>('select contact_id from contact_phones where number = ?').pluck();
  const contactById = sqlite.prepare<[string], Record<string, unknown>>('select * from contacts where id = ?');
  const phonesOfContact = sqlite.prepare<[string], { number: string; label: string }>('select number, label from contact_phones where contact_id = ? order by position');
  const callsOfContact = sqlite.prepare<[string], AnchorCall>(`${RECENT} where contact_id = ? order by invite_at desc limit 5`);
  const callsOfNumber = sqlite.prepare<[string], AnchorCall>(`${RECENT} where remote_e164 = ? order by invite_at desc limit 5`);
  return (number) => {
    const contactId = contactIdByNumber.get(number);
    const contact = contactId === undefined ? null : (contactById.get(contactId) ?? null);
    if (contactId === undefined || !contact) return { contact: null, phones: [], calls: callsOfNumber.all(number) };
    return { contact, phones: phonesOfContact.all(contactId), calls: callsOfContact.all(contactId) };
  };
}
