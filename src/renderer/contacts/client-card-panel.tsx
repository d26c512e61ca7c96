import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactProfile } from '../../shared/ipc/contacts.ts';
import type { CardField } from '../../shared/scripts/call-script.ts';
import { runAction, useAppStore } from '../state/app-store.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { ContactForm } from './contact-form.tsx';
import { RecentCalls } from './recent-calls.tsx';

/** The caller's card beside the call: read at a glance, or filled in during the call (R4, R28). */
export function ClientCardPanel({ call }: { call: LiveCall }) {
  const { t } = useTranslation();
  const contact = call.card.contact;
  const [editing, setEditing] = useState(false);
  const captured = useAppStore((s) => s.scriptCaptures[call.id]);
  /** A new card saved during the call takes what the script captured that the form does not show. */
  const saved = (created: Contact) => {
    setEditing(false);
    if (contact || !captured) return;
    const rest = Object.entries(captured).filter(([field, value]) => value && !['name', 'organization', 'position'].includes(field)) as [CardField, string][];
    void runAction(async (api) => {
      for (const [field, value] of rest) await api.call('contacts.capture', { contactId: created.id, field, value });
    });
  };
  const showForm = contact === null ? call.state !== 'ended' : editing;
  return (
    <aside className="client-card" aria-label={t('card.label')}>
      <div className="card-header">
        <h2>{contact ? t('card.title') : t('card.newTitle')}</h2>
        {contact && !editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('card.edit')}
          </button>
        )}
      </div>
      {showForm ? (
        <ContactForm
          contact={contact}
          number={call.card.number}
          onSaved={saved}
          {...(contact ? { onCancel: () => setEditing(false) } : { suggested: captured ?? {} })}
        />
      ) : contact ? (
        <dl className="card-fields">
          <dt>{t('card.name')}</dt>
          <dd className="card-name">{contact.name || '—'}</dd>
          <dt>{t('card.organization')}</dt>
          <dd>{contact.organization || '—'}</dd>
          <dt>{t('card.position')}</dt>
          <dd>{contact.position || '—'}</dd>
          <dt>{t('card.phones')}</dt>
          <dd>{contact.phones.map((p) => p.number).join(', ') || '—'}</dd>
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

/** The order the card shows what earlier calls captured (labels come from the UI catalogue). */
const profileOrder: (keyof ContactProfile)[] = ['temperature', 'source', 'values', 'budget', 'orderVolume', 'orderFrequency', 'decides', 'otherDeciders', 'doesNotWant', 'solvedBefore'];

/** What earlier calls captured (R28), only the fields that are known. */
function profileRows(profile: ContactProfile): [keyof ContactProfile, string][] {
  return profileOrder.flatMap((key) => (profile[key] ? [[key, String(profile[key])] as [keyof ContactProfile, string]] : []));
}
