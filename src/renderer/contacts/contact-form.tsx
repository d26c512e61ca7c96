import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactInput } from '../../shared/ipc/contacts.ts';
import { runAction } from '../core/core-connection.ts';
import { withSuggestions, type Captured } from './call-card-draft.ts';

interface Props {
  contact: Contact | null;
  /** Prefilled for a new card (the caller's number). */
  number?: string;
  onSaved(contact: Contact): void;
  onCancel?: () => void;
  /** For a new card: what the call script captured so far (name, organization, position), shown until typed over. */
  suggested?: Captured;
  /** A card typed during a call: every change the person makes, for saving as it is typed. */
  onDraft?: (form: ContactInput, typed: ReadonlySet<string>) => void;
  /** How "Save card" saves (a card typed during a call is already saved: the button finishes it); by default contacts.save. */
  save?: (input: ContactInput) => Promise<Contact | undefined>;
  /** Beside the button: a card typed during a call says that it is saved already. */
  status?: ReactNode;
}

const saveContact = (input: ContactInput) => runAction((api) => api.call('contacts.save', input));

/** Create or edit a contact. The name comes first: write it down at once and use it (R5). */
export function ContactForm({ contact, number, onSaved, onCancel, suggested = {}, onDraft, save = saveContact, status }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ContactInput>(() => ({
    ...(contact && { id: contact.id }),
    name: contact?.name ?? '',
    organization: contact?.organization ?? '',
    position: contact?.position ?? '',
    email: contact?.email ?? '',
    category: contact?.category ?? null,
    notes: contact?.notes ?? '',
    phones: contact?.phones.length ? contact.phones : [{ number: number ?? '', label: '' }],
  }));
  const [saving, setSaving] = useState(false);
  const [typed, setTyped] = useState<Set<string>>(() => new Set());
  /** A field the person has not typed in shows what the script captured. */
  const shown = withSuggestions(form, typed, suggested);
  /** The person changed the form (typed in `key`, for the fields a script can fill). */
  const edit = (patch: Partial<ContactInput>, key?: string) => {
    const nextForm = { ...form, ...patch };
    const nextTyped = key ? new Set(typed).add(key) : typed;
    setForm(nextForm);
    setTyped(nextTyped);
    onDraft?.(nextForm, nextTyped);
  };
  const field = (key: 'name' | 'organization' | 'position' | 'email' | 'notes') => ({
    value: shown[key],
    onChange: (e: { target: { value: string } }) => edit({ [key]: e.target.value }, key),
  });
  const phonesText = form.phones.map((p) => p.number).join(', ');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const saved = await save(shown);
    setSaving(false);
    if (saved) onSaved(saved);
  };

  return (
    <form className="contact-form" onSubmit={(e) => void submit(e)} aria-label={contact ? t('contacts.edit') : t('contacts.new')}>
      <label className="field field-name">
        {t('contacts.name')} <span className="hint">{t('contacts.nameHint')}</span>
        <input {...field('name')} autoComplete="off" placeholder={t('contacts.namePlaceholder')} />
      </label>
      <label className="field">
        {t('contacts.organization')}
        <input {...field('organization')} autoComplete="off" />
      </label>
      <label className="field">
        {t('contacts.position')}
        <input {...field('position')} autoComplete="off" />
      </label>
      <label className="field">
        {t('contacts.phones')} <span className="hint">{t('contacts.phonesHint')}</span>
        <input
          value={phonesText}
          onChange={(e) => edit({ phones: e.target.value.split(',').map((n) => ({ number: n.trim(), label: '' })) })}
          autoComplete="off"
        />
      </label>
      <label className="field">
        {t('contacts.email')}
        <input {...field('email')} type="email" autoComplete="off" />
      </label>
      <label className="field">
        {t('contacts.category')}
        <select value={form.category ?? ''} onChange={(e) => edit({ category: (e.target.value || null) as ContactInput['category'] })}>
          <option value="">—</option>
          <option value="A">A</option>
          <option value="B">B</option>
          <option value="C">C</option>
        </select>
      </label>
      <label className="field field-wide">
        {t('contacts.notes')}
        <textarea {...field('notes')} rows={3} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('contacts.saving') : t('contacts.save')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('contacts.cancel')}
          </button>
        )}
        {status}
      </div>
    </form>
  );
}
