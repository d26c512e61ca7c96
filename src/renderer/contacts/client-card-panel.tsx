import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactInput, ContactProfile } from '../../shared/ipc/contacts.ts';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';
import { useDebouncedSaver } from '../state/use-debounced-saver.ts';
import { DoneStatus } from '../app/done-status.tsx';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { callCardDraft, isBlankCard, type CallCardDraft } from './call-card-draft.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { ContactForm } from './contact-form.tsx';
import { RecentCalls } from './recent-calls.tsx';

/** A new caller's card is saved this long after the last key (well within the moment a crash could take). */
const DRAFT_DELAY_MS = 100;

/** The caller's card beside the call: read at a glance, or filled in during the call (R4, R28). */
export function ClientCardPanel({ call }: { call: LiveCall }) {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const callId = call.id;
  const callerNumber = call.card.number;
  /** A caller unknown when the card opened gets a new card, saved as it is typed and linked to the call. */
  const [isNew] = useState(call.card.contact === null);
  const [savedDraft, setSavedDraft] = useState<Contact | null>(null);
  const lastSaved = useRef<Contact | null>(null);
  /** The card as this panel last saved it, or as main last showed it, whichever is newer. */
  const contact = savedDraft && (!call.card.contact || savedDraft.updatedAt >= call.card.contact.updatedAt) ? savedDraft : call.card.contact;
  const [editing, setEditing] = useState(false);
  const [finished, setFinished] = useState(false);
  const drafting = isNew && !finished && call.state !== 'ended';
  const captured = useAppStore((s) => s.scriptCaptures[call.id]);
  const form = useRef<{ input: ContactInput; typed: ReadonlySet<string> }>({ input: emptyCard(call.card.number), typed: new Set() });
  const draft = useDebouncedSaver<CallCardDraft>(DRAFT_DELAY_MS, (value) =>
    runAction((api) => api.call('contacts.saveCallCard', { callId, ...value })).then((saved) => {
      // A save that failed (its notice is on screen) keeps "Save card" from closing the form.
      lastSaved.current = saved ?? null;
      if (saved) setSavedDraft(saved);
    }),
  );
  /** Queues the card as it is now; a blank one only when the person asks for it ("Save card"). */
  const queue = useCallback(
    (evenBlank: boolean) => {
      const value = callCardDraft(form.current.input, form.current.typed, useAppStore.getState().scriptCaptures[callId] ?? {});
      if (evenBlank || !isBlankCard(value, callerNumber)) draft.change(value);
    },
    [callId, callerNumber, draft],
  );
  // What the script captures goes into the new card as it is answered, the form open or not.
  useEffect(() => {
    if (isNew && captured) queue(false);
  }, [isNew, captured, queue]);
  // The hang-up saves what is waiting at once: the form goes away with the call.
  useEffect(() => {
    if (call.state === 'ended') void draft.flush();
  }, [call.state, draft]);
  /** "Save card" on a new card: it is saved as typed already; the button saves the last keys now and shows the card. */
  const finish = async () => {
    queue(true);
    await draft.flush();
    return lastSaved.current ?? undefined;
  };
  const editSaved = (saved: Contact) => {
    setSavedDraft(saved);
    setEditing(false);
  };
  return (
    <aside className="client-card" aria-label={t('card.label')}>
      <div className="card-header">
        <h2>{contact && !drafting ? t('card.title') : t('card.newTitle')}</h2>
        {contact && !drafting && !editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('card.edit')}
          </button>
        )}
      </div>
      {drafting ? (
        <ContactForm
          contact={null}
          number={call.card.number}
          onSaved={() => setFinished(true)}
          suggested={captured ?? {}}
          onDraft={(input, typed) => {
            form.current = { input, typed };
            queue(false);
          }}
          save={finish}
          status={<DoneStatus shown={savedDraft !== null}>{t('card.savedAsTyped')}</DoneStatus>}
        />
      ) : editing && contact ? (
        <ContactForm contact={contact} onSaved={editSaved} onCancel={() => setEditing(false)} />
      ) : contact ? (
        <dl className="card-fields">
          <dt>{t('card.name')}</dt>
          <dd className="card-name">{contact.name || '—'}</dd>
          <dt>{t('card.organization')}</dt>
          <dd>{contact.organization || '—'}</dd>
          <dt>{t('card.position')}</dt>
          <dd>{contact.position || '—'}</dd>
          <dt>{t('card.phones')}</dt>
          <dd>{contact.phones.map((p) => format.phone(p.number)).join(', ') || '—'}</dd>
          <dt>{t('card.email')}</dt>
          <dd>{contact.email || '—'}</dd>
          <dt>{t('card.category')}</dt>
          <dd>{contact.category ?? '—'}</dd>
          <dt>{t('card.notes')}</dt>
          <dd className="card-notes">{contact.notes || '—'}</dd>
          {profileRows(contact.profile).map(([key, value]) => (
            <Fragment key={key}>
              <dt>{t(`editor.cardFields.${key}`)}</dt>
              <dd data-profile={key}>{key === 'temperature' && (value === 'hot' || value === 'warm' || value === 'cold') ? t(`script.choice.${value}`) : value}</dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
      <h3>{t('card.lastCalls')}</h3>
      <RecentCalls calls={call.card.recentCalls} />
    </aside>
  );
}

/** A new card: empty but for the caller's number. */
function emptyCard(number: string): ContactInput {
  return { name: '', organization: '', position: '', email: '', category: null, notes: '', phones: [{ number, label: '' }] };
}

/** The order the card shows what earlier calls captured (labels come from the UI catalogue). */
const profileOrder: (keyof ContactProfile)[] = ['temperature', 'source', 'values', 'budget', 'orderVolume', 'orderFrequency', 'decides', 'otherDeciders', 'doesNotWant', 'solvedBefore'];

/** What earlier calls captured (R28), only the fields that are known. */
function profileRows(profile: ContactProfile): [keyof ContactProfile, string][] {
  return profileOrder.flatMap((key) => (profile[key] ? [[key, String(profile[key])] as [keyof ContactProfile, string]] : []));
}
