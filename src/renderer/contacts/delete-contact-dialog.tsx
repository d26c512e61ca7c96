import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../shared/ipc/contacts.ts';
import { useDisplayFormat, type DisplayFormat } from '../i18n/display-format.ts';
import { runAction } from '../core/core-connection.ts';

/** What a contact is called when it has no name: its first number. */
export function contactLabel(contact: Contact, format: DisplayFormat): string {
  const number = contact.phones[0]?.number;
  return contact.name || (number && format.phone(number)) || '—';
}

/**
 * Asks before a contact is deleted (there is no undo) and says what stays: the calls. A modal
 * <dialog>: focus moves into it, Escape keeps the contact.
 */
export function DeleteContactDialog({ contact, onDeleted, onClose }: { contact: Contact; onDeleted(): void; onClose(): void }) {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const name = contactLabel(contact, format);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const confirm = async () => {
    setBusy(true);
    const result = await runAction((api) => api.call('contacts.delete', { id: contact.id }));
    setBusy(false);
    if (result) onDeleted();
    else onClose();
  };

  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="delete-contact-title" aria-describedby="delete-contact-text" onClose={onClose}>
      <h3 id="delete-contact-title">{t('contacts.deleteTitle', { name })}</h3>
      <p id="delete-contact-text">{t('contacts.deleteText')}</p>
      <div className="form-actions">
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void confirm()}>
          {t('contacts.deleteYes')}
        </button>
        <button type="button" className="button" autoFocus onClick={onClose}>
          {t('contacts.deleteNo')}
        </button>
      </div>
    </dialog>
  );
}
