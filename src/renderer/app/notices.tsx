import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store.ts';

export function Notices() {
  const { t } = useTranslation();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`banner banner-${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
          <span>{n.message}</span>
          <button type="button" className="icon-button" aria-label={t('shell.dismiss')} onClick={() => dismiss(n.id)}>
            <X size={16} aria-hidden />
          </button>
        </div>
      ))}
    </div>
  );
}
