import { Phone, Upload } from 'lucide-react';
import { useState, type ChangeEvent } from 'react';
import type { Contact, ImportReport } from '../../shared/ipc/contacts.ts';
import { dial } from '../phone/dial-form.tsx';
import { runAction } from '../state/app-store.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { ContactForm } from './contact-form.tsx';

export function ContactsScreen() {
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [report, setReport] = useState<{ fileName: string; report: ImportReport } | null>(null);
  const contacts = useCoreQuery(query, 'contacts', (api) => api.call('contacts.search', { query, limit: 100 })) ?? [];

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
        <h2 id="contacts-title">Contacts</h2>
        <input className="search" type="search" placeholder="Search by name, organization or number" aria-label="Search contacts" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" className="button" onClick={() => setEditing('new')}>
          New contact
        </button>
        <label className="button">
          <Upload size={16} aria-hidden /> Import CSV…
          <input type="file" accept=".csv,text/csv" className="visually-hidden" onChange={(e) => void importFile(e)} />
        </label>
      </div>
      {report && (
        <div className="import-report" role="status">
          <strong>{report.fileName}:</strong> {report.report.imported} imported, {report.report.updated} updated, {report.report.rejected.length} rejected.
          {report.report.rejected.length > 0 && (
            <ul>
              {report.report.rejected.map((r) => (
                <li key={r.line}>
                  Line {r.line}: {r.reason}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="link-button" onClick={() => setReport(null)}>
            Close
          </button>
        </div>
      )}
      {editing && (
        <div className="editor">
          <ContactForm key={editing === 'new' ? 'new' : editing.id} contact={editing === 'new' ? null : editing} onSaved={() => setEditing(null)} onCancel={() => setEditing(null)} />
        </div>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Organization</th>
            <th scope="col">Phones</th>
            <th scope="col">Category</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id} className="clickable" onClick={() => setEditing(c)}>
              <td>{c.name}</td>
              <td>{c.organization}</td>
              <td>
                {c.phones.map((p) => (
                  <span key={p.number} className="contact-phone">
                    {p.number}{' '}
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Call ${c.name} on ${p.number}`}
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
            </tr>
          ))}
        </tbody>
      </table>
      {contacts.length === 0 && <p className="muted">{query ? 'Nobody matches.' : 'No contacts yet: import a CSV from Excel or add one.'}</p>}
    </section>
  );
}
