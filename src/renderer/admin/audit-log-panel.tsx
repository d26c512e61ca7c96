import type { AuditEntry } from '../../shared/ipc/admin.ts';
import { countNoun } from '../../shared/text/count-noun.ts';
import { useAppStore } from '../state/app-store.ts';
import { useCoreQuery } from '../state/use-core-query.ts';

const actionText: Record<AuditEntry['action'], string> = {
  'admin-pin-set': 'Admin PIN set',
  'admin-pin-changed': 'Admin PIN changed',
  'admin-settings-changed': 'Recording settings changed',
  export: 'Recordings exported',
  'retention-delete': 'Old recordings deleted',
  'script-saved': 'Call script saved',
  'script-deleted': 'Call script deleted',
  'scorecard-saved': 'Scorecard changed',
};

/** What admins did: exports, deletions, setting changes (kept in the database). */
export function AuditLogPanel() {
  const progress = useAppStore((s) => s.exportProgress?.state);
  const settings = useAppStore((s) => s.settings);
  const entries = useCoreQuery(`${progress ?? ''}:${JSON.stringify(settings?.settings.consent)}:${settings?.settings.recordingPolicy}`, 'recordings', (api) => api.call('admin.auditLog', { limit: 20 }));
  return (
    <section className="admin-panel" aria-labelledby="audit-title">
      <h3 id="audit-title">Audit log</h3>
      {entries === null || entries.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <table className="table audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.actor}</td>
                <td>{actionText[e.action]}</td>
                <td className="small">{summary(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function summary(entry: AuditEntry): string {
  const d = entry.details;
  if (entry.action === 'export') return `${countNoun(Number(d.recordings), 'recording')} of ${countNoun(Number(d.calls), 'call')} → ${String(d.file)}`;
  if (entry.action === 'retention-delete') return `${countNoun(Number(d.deleted), 'recording')} older than ${String(d.days)} days`;
  if (entry.action === 'admin-settings-changed') return Object.keys(d).join(', ');
  if (entry.action === 'scorecard-saved') return d.reset ? 'back to the shipped scorecard' : `${String(d.name)} (${String(d.items)} items)`;
  if (entry.action === 'script-saved' || entry.action === 'script-deleted') return `${String(d.name)} (${String(d.id)}, ${String(d.locale)})${d.imported ? ', imported' : ''}`;
  return '';
}
