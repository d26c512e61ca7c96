import { Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../state/app-store.ts';
import { AdminPinForm } from './admin-pin-form.tsx';
import { AuditLogPanel } from './audit-log-panel.tsx';
import { RefusedTrafficPanel } from './refused-traffic-panel.tsx';
import { ChangePinForm } from './change-pin-form.tsx';
import { ExportPanel } from './export-panel.tsx';
import { RecordingPolicyForm } from './recording-policy-form.tsx';
import { RetentionPanel } from './retention-panel.tsx';
import { useAdminStatus } from './use-admin-status.ts';
import { ScriptsAdminPanel } from '../scripts/scripts-admin-panel.tsx';
import { ScorecardEditor } from '../scoring/scorecard-editor.tsx';

/** Recording policy, export, retention, call scripts, the scorecard, the audit log and refused traffic: behind the admin PIN (its first one set in the set-up guide or from the command line). */
export function AdminScreen() {
  const { t } = useTranslation();
  const { status, refresh, set: setStatus } = useAdminStatus();

  return (
    <section className="screen" aria-labelledby="admin-title">
      <div className="screen-header">
        <h2 id="admin-title">{t('admin.title')}</h2>
        {status?.unlocked && (
          <button type="button" className="button" onClick={() => void runAction((api) => api.call('admin.lock', {})).then((next) => next && setStatus(next))}>
            <Lock size={16} aria-hidden /> {t('admin.lock')}
          </button>
        )}
      </div>
      {status === null ? (
        <p className="muted">{t('shell.loading')}</p>
      ) : !status.unlocked ? (
        <AdminPinForm status={status} onUnlocked={setStatus} />
      ) : (
        <div className="admin-sections">
          <RecordingPolicyForm onLocked={refresh} />
          <ExportPanel onLocked={refresh} />
          <RetentionPanel onLocked={refresh} />
          <ScriptsAdminPanel onLocked={refresh} />
          <ScorecardEditor onLocked={refresh} />
          <AuditLogPanel />
          <RefusedTrafficPanel />
          <ChangePinForm />
        </div>
      )}
    </section>
  );
}
