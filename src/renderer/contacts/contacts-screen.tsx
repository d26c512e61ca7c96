import { Phone, Trash2, Upload } from 'lucide-react';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ImportReport } from '../../shared/ipc/contacts.ts';
import { useVirtualRows } from '../app/use-virtual-rows.ts';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { dial } from '../phone/call-actions.ts';
import { runAction } from '../core/core-connection.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { ContactForm } from './contact-form.tsx';
import { contactLabel, DeleteContactDialog } from './delete-contact-dialog.tsx';

export function ContactsScreen() {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [report, setReport] = useState<{ fileName: string; report: ImportReport } | null>(null);
  const [deleting, setDeleting] = useState<Contact | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const contacts = useCoreQuery(query, 'contacts', (api) => api.call('contacts.search', { query, limit: 200 })) ?? [];
  const { scroller, items, before, after, measure, onKeyDown } = useVirtualRows({ count: contacts.length, estimateSize: 42, key: (i) => contacts[i]?.id ?? String(i) });

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = await file.text();
    const result = await runAction((api) => api.call('contacts.importCsv', { fileName: file.name, text }));
    if (result) setReport({ fileName: file.name, report: result });
  };

  return (
    <section className="screen" aria-labelledby="contacts-title">
      <div className="screen-header">
        <h2 id="contacts-title">{t('contacts.title')}</h2>
        <input className="search" type="search" placeholder={t('contacts.searchPlaceholder')} aria-label={t('contacts.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('contacts.new')}
        </button>
        <label className="button">
          <Upload size={16} aria-hidden /> {t('contacts.importCsv')}
          <input type="file" accept=".csv,text/csv" className="visually-hidden" onChange={(e) => void importFile(e)} />
        </label>
      </div>
      {report && (
        <div className="import-report" role="status">
          <strong>{report.fileName}:</strong> {t('contacts.report', { imported: report.report.imported, updated: report.report.updated, rejected: report.report.rejected.length })}
          {report.report.rejected.length > 0 && (
            <ul>
              {report.report.rejected.map((r) => (
                <li key={r.line}>{t('contacts.line', { line: r.line, reason: t(`contacts.rejection.${r.code}`, { ...r.params, defaultValue: r.reason }) })}</li>
              ))}
            </ul>
          )}
          <button type="button" className="link-button" onClick={() => setReport(null)}>
            {t('contacts.close')}
          </button>
        </div>
      )}
      {deleted && (
        <p className="import-report" role="status">
          {t('contacts.deleted', { name: deleted })}{' '}
          <button type="button" className="link-button" onClick={() => setDeleted(null)}>
            {t('contacts.close')}
          </button>
        </p>
      )}
      {editing && (
        <div className="editor">
          <ContactForm key={editing === 'new' ? 'new' : editing.id} contact={editing === 'new' ? null : editing} onSaved={() => setEditing(null)} onCancel={() => setEditing(null)} />
          {editing !== 'new' && (
            <button type="button" className="link-button danger" onClick={() => setDeleting(editing)}>
              <Trash2 size={14} aria-hidden /> {t('contacts.delete')}
            </button>
          )}
        </div>
      )}
      {deleting && (
        <DeleteContactDialog
          contact={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleted(contactLabel(deleting, format));
            if (editing !== 'new' && editing?.id === deleting.id) setEditing(null);
            setDeleting(null);
          }}
        />
      )}
      <div className="list-scroller" ref={scroller} tabIndex={0} onKeyDown={onKeyDown} aria-label={t('contacts.title')}>
        <table className="table" aria-rowcount={contacts.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">{t('contacts.name')}</th>
              <th scope="col">{t('contacts.organization')}</th>
              <th scope="col">{t('contacts.phones')}</th>
              <th scope="col">{t('contacts.category')}</th>
              <th scope="col"><span className="visually-hidden">{t('contacts.deleteYes')}</span></th>
            </tr>
          </thead>
          <tbody>
            {before > 0 && <RowSpacer height={before} />}
            {items.map((item) => {
              const c = contacts[item.index];
              if (!c) return null;
              return (
                <tr key={item.key} ref={measure} data-index={item.index} aria-rowindex={item.index + 2} className="clickable" onClick={() => setEditing(c)}>
                  <td>
                    {/* The row opens the card on a click; the name is its button for the keyboard. */}
                    <button type="button" className="link-button" onClick={() => setEditing(c)}>
                      {contactLabel(c, format)}
                    </button>
                  </td>
                  <td>{c.organization}</td>
                  <td>
                    {c.phones.map((p) => (
                      <span key={p.number} className="contact-phone">
                        {format.phone(p.number)}{' '}
                        <button
                          type="button"
                          className="link-button"
                          aria-label={t('contacts.callOn', { name: c.name, number: format.phone(p.number) })}
                          onClick={(e) => {
                            // A click on the number calls; a click elsewhere on the row opens the card.
                            e.stopPropagation();
                            dial(p.number);
                          }}
                        >
                          <Phone size={14} aria-hidden />
                        </button>{' '}
                      </span>
                    ))}
                  </td>
                  <td>{c.category ?? ''}</td>
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('contacts.deleteNamed', { name: contactLabel(c, format) })}
                      onClick={(e) => {
                        e.stopPropagation();
                        setDeleting(c);
                      }}
                    >
                      <Trash2 size={14} aria-hidden />
                    </button>
                  </td>
                </tr>
              );
            })}
            {after > 0 && <RowSpacer height={after} />}
          </tbody>
        </table>
      </div>
      {contacts.length === 0 && <p className="muted">{query ? t('contacts.nobody') : t('contacts.none')}</p>}
    </section>
  );
}

/** Room for the contacts not rendered, so the scroll bar stays true to the whole list. */
function RowSpacer({ height }: { height: number }) {
  return (
    <tr aria-hidden className="list-spacer">
      <td colSpan={5} style={{ height }} />
    </tr>
  );
}
