import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../shared/ipc/admin.ts';
import { useDisplayFormat, type DisplayFormat } from '../i18n/display-format.ts';
import { useAppStore } from '../state/app-store.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { actorName } from '../calls/agent-name.ts';

/** What admins did: exports, deletions, setting changes (kept in the database). */
export function AuditLogPanel() {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const progress = useAppStore((s) => s.exportProgress?.state);
  const settings = useAppStore((s) => s.settings);
  const entries = useCoreQuery(`${progress ?? ''}:${JSON.stringify(settings?.settings.consent)}:${settings?.settings.recordingPolicy}`, 'recordings', (api) => api.call('admin.auditLog', { limit: 20 }));
  return (
    <section className="admin-panel" aria-labelledby="audit-title">
      <h3 id="audit-title">{t('admin.audit.title')}</h3>
      {entries === null || entries.length === 0 ? (
        <p className="muted">{t('admin.audit.nothing')}</p>
      ) : (
        <table className="table audit-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.when')}</th>
              <th scope="col">{t('admin.audit.who')}</th>
              <th scope="col">{t('admin.audit.what')}</th>
              <th scope="col">{t('admin.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{format.moment(e.at)}</td>
                <td>{actorName(e.actor)}</td>
                <td>{t(`admin.audit.actions.${e.action}`)}</td>
                <td className="small">{summary(t, format, e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function summary(t: TFunction, format: DisplayFormat, entry: AuditEntry): string {
  const d = entry.details;
  const recordings = (n: unknown) => t('admin.count.recordings', { count: Number(n) });
  switch (entry.action) {
    case 'export':
      return t('admin.audit.export', { recordings: recordings(d.recordings), ofCalls: t('admin.count.ofCalls', { count: Number(d.calls) }), file: String(d.file) });
    case 'retention-delete':
      return t('admin.audit.retention', { recordings: recordings(d.deleted), days: String(d.days) });
    case 'admin-settings-changed':
      return Object.keys(d).join(', ');
    case 'scorecard-saved':
      return d.reset ? t('admin.audit.scorecardReset') : `${String(d.name)} (${t('admin.count.items', { count: Number(d.items) })})`;
    case 'script-saved':
    case 'script-deleted':
      return `${String(d.name)} (${String(d.id)}, ${String(d.locale)})${d.imported ? t('admin.audit.imported') : ''}`;
    case 'contact-deleted':
      return t('admin.audit.contactDeleted', { name: String(d.name), phones: Array.isArray(d.phones) ? d.phones.map((p) => format.phone(String(p))).join(', ') : '', calls: Number(d.callsKept) });
    case 'admin-pin-set':
    case 'admin-pin-changed':
      return '';
  }
}
