import { Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { missingCaseError } from '../../shared/logger.ts';
import { SectionNav } from '../app/section-nav.tsx';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';
import { adminSections, type AdminSection } from './admin-sections.ts';
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

/** Recording policy, export, retention, call scripts, the scorecard, the audit log and refused traffic: behind the admin PIN (its first one set in the set-up guide or from the command line); one section at a time. */
export function AdminScreen() {
  const { t } = useTranslation();
  const { status, refresh, set: setStatus } = useAdminStatus();
  const section = useAppStore((s) => s.adminSection);
  const showAdmin = useAppStore((s) => s.showAdmin);

  const panel = (s: AdminSection) => {
    switch (s) {
      case 'recording':
        return <RecordingPolicyForm onLocked={refresh} />;
      case 'export':
        return <ExportPanel onLocked={refresh} />;
      case 'retention':
        return <RetentionPanel onLocked={refresh} />;
      case 'scripts':
        return <ScriptsAdminPanel onLocked={refresh} />;
      case 'scorecard':
        return <ScorecardEditor onLocked={refresh} />;
      case 'audit':
        return <AuditLogPanel />;
      case 'refused':
        return <RefusedTrafficPanel />;
      case 'pin':
        return <ChangePinForm />;
      default:
        throw missingCaseError(s);
    }
  };

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
        <div className="sectioned">
          <SectionNav label={t('admin.sections')} sections={adminSections} current={section} nameOf={(s) => t(`admin.section.${s}`)} onChoose={showAdmin} />
          <div className="section-body admin-sections" data-section={section}>
            {panel(section)}
          </div>
        </div>
      )}
    </section>
  );
}
