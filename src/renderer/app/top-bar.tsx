import { GraduationCap } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registrationProblemText } from './registration-problem-text.ts';
import type { RegistrationState } from '../../shared/ipc/phone.ts';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';
import { startPracticeCall } from '../phone/call-actions.ts';
import { OpenSetupGuideButton } from '../setup/open-setup-guide-button.tsx';

export function TopBar() {
  const { t } = useTranslation();
  const registration = useAppStore((s) => s.registration);
  const availability = useAppStore((s) => s.settings?.settings.availability ?? 'available');
  const setAvailability = (next: 'available' | 'away') => void runAction((api) => api.call('phone.setAvailability', { availability: next }));
  return (
    <header className="top-bar">
      <div className="brand">Ringside</div>
      <RegistrationBadge registration={registration} />
      <div className="availability" role="group" aria-label={t('topBar.yourStatus')}>
        <button type="button" className={availability === 'available' ? 'pill pill-on available' : 'pill'} aria-pressed={availability === 'available'} onClick={() => setAvailability('available')}>
          {t('topBar.available')}
        </button>
        <button type="button" className={availability === 'away' ? 'pill pill-on away' : 'pill'} aria-pressed={availability === 'away'} onClick={() => setAvailability('away')}>
          {t('topBar.away')}
        </button>
      </div>
      <PracticeCallButton />
    </header>
  );
}

/** Rehearse the script with a simulated caller: works with no PBX, kept out of statistics. */
function PracticeCallButton() {
  const { t } = useTranslation();
  const onCall = useAppStore((s) => s.calls.some((c) => c.state !== 'ended'));
  return (
    <button
      type="button"
      className="button practice-button"
      disabled={onCall}
      title={t('practice.buttonTitle')}
      onClick={startPracticeCall}
    >
      <GraduationCap size={16} aria-hidden /> {t('practice.button')}
    </button>
  );
}

function RegistrationBadge({ registration }: { registration: RegistrationState | null }) {
  const { t, i18n } = useTranslation();
  const reason = registration?.problem ? registrationProblemText(t, i18n.language, registration.problem) : registration?.reason;
  const now = useNow(registration?.retryAt ? 1000 : null);
  if (!registration) return <div className="registration" data-status="unknown">…</div>;
  const user = registration.aor?.replace(/^sips?:/, '').split('@')[0] ?? '';
  switch (registration.status) {
    case 'registered':
      return <div className="registration" data-status="registered" role="status">{t('topBar.registered', { user })}</div>;
    case 'connecting':
      return <div className="registration" data-status="connecting" role="status">{t('topBar.connecting')}</div>;
    case 'unconfigured':
      return (
        <div className="registration" data-status="unconfigured">
          <span role="status">{t('topBar.notSetUp', { reason })}</span>
          <OpenSetupGuideButton variant="link" />
        </div>
      );
    case 'failed': {
      const seconds = registration.retryAt ? Math.max(0, Math.ceil((registration.retryAt - now) / 1000)) : null;
      return (
        <div className="registration" data-status="failed" role="alert">
          {t('topBar.failed', { reason })}
          {seconds !== null && <span className="muted">{t('topBar.retryingIn', { seconds })}</span>}
          <button type="button" className="link-button" onClick={() => void runAction((api) => api.call('phone.reconnect', {}))}>
            {t('topBar.retryNow')}
          </button>
        </div>
      );
    }
  }
}

/** The current time, refreshed every `intervalMs` while it is set. */
export function useNow(intervalMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === null) return;
    const tick = () => setNow(Date.now());
    // Catch up at once: the clock may have stood still since the component first rendered.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
