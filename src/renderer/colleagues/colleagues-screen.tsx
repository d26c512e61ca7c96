import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Colleague, ColleagueInput } from '../../shared/ipc/colleagues.ts';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { runAction } from '../core/core-connection.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { shownStatus } from './shown-status.ts';

const blank: ColleagueInput = { id: null, name: '', extension: '', role: '', handles: '' };

/** The colleagues directory (R20): who handles what, and whether they can take a call now. */
export function ColleaguesScreen() {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const colleagues = useCoreQuery('colleagues', 'colleagues', (api) => api.call('colleagues.list', {}));
  const [editing, setEditing] = useState<ColleagueInput | null>(null);
  const save = async () => {
    if (!editing) return;
    const saved = await runAction((api) => api.call('colleagues.save', editing));
    if (saved) setEditing(null);
  };
  const field = (key: 'name' | 'extension' | 'role' | 'handles', label: string) => (
    <label className={key === 'handles' ? 'field field-wide' : 'field'}>
      {label}
      <input value={editing?.[key] ?? ''} onChange={(e) => setEditing((c) => (c ? { ...c, [key]: e.target.value } : c))} />
    </label>
  );
  return (
    <section className="screen" aria-labelledby="colleagues-title">
      <div className="screen-header">
        <h2 id="colleagues-title">{t('colleagues.title')}</h2>
        <button type="button" className="button" onClick={() => setEditing(blank)}>
          {t('colleagues.add')}
        </button>
      </div>
      <p className="muted">{t('colleagues.intro')}</p>
      {editing && (
        <form
          className="message-form"
          aria-label={t('colleagues.add')}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="admin-grid">
            {field('name', t('colleagues.name'))}
            {field('extension', t('colleagues.extension'))}
            {field('role', t('colleagues.role'))}
            {field('handles', t('colleagues.handles'))}
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={!editing.name.trim() || !editing.extension.trim()}>
              {t('colleagues.save')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t('colleagues.cancel')}
            </button>
          </div>
        </form>
      )}
      {colleagues && colleagues.length === 0 && <p className="muted">{t('colleagues.none')}</p>}
      {colleagues && colleagues.length > 0 && (
        <table className="table colleagues-table">
          <tbody>
            {colleagues.map((c) => (
              <tr key={c.id} data-extension={c.extension} data-presence={c.presence} data-line={c.line ?? 'unknown'}>
                <td>
                  <PresenceDot colleague={c} /> <strong>{c.name}</strong> <span className="muted">{format.phone(c.extension)}</span>
                </td>
                <td>{c.role}</td>
                <td className="muted">{c.handles}</td>
                <td className="row-actions">
                  <button type="button" className="link-button" onClick={() => setEditing({ id: c.id, name: c.name, extension: c.extension, role: c.role, handles: c.handles })}>
                    {t('colleagues.edit')}
                  </button>
                  <button type="button" className="link-button" onClick={() => void runAction((api) => api.call('colleagues.remove', { id: c.id }))}>
                    {t('colleagues.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function PresenceDot({ colleague }: { colleague: Colleague }) {
  const { t } = useTranslation();
  const status = shownStatus(colleague);
  const text = t(`colleagues.presence.${status}`);
  return (
    <span className={`presence presence-${status}`} title={colleague.line === null ? text : `${text} — ${t('colleagues.fromPhoneSystem')}`}>
      ● <span className="presence-text">{text}</span>
    </span>
  );
}

/** Colleagues as suggestions for an extension field (transfer target, message recipient), with their status. */
export function ColleagueOptions({ id }: { id: string }) {
  const { t } = useTranslation();
  const colleagues = useCoreQuery('colleagues', 'colleagues', (api) => api.call('colleagues.list', {}));
  return (
    <datalist id={id}>
      {colleagues?.map((c) => (
        <option key={c.id} value={c.extension}>
          {`${c.name}${c.role ? `, ${c.role}` : ''} — ${t(`colleagues.presence.${shownStatus(c)}`)}${c.handles ? ` (${c.handles})` : ''}`}
        </option>
      ))}
    </datalist>
  );
}
