import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { formatDuration } from './call-presentation.ts';

/** On hold: how long the caller has waited, with reminders at 30 and 60 seconds (R18, R19). */
export function HoldStatus({ call, now }: { call: LiveCall; now: number }) {
  const { t } = useTranslation();
  const waited = call.holdSince === null ? 0 : Math.max(0, now - call.holdSince);
  return (
    <div className={waited >= 60_000 ? 'hold-status hold-long' : waited >= 30_000 ? 'hold-status hold-warn' : 'hold-status'} role="status" data-hold-seconds={Math.floor(waited / 1000)}>
      <strong>{t('callControls.onHold', { time: formatDuration(waited) })}</strong>
      {waited >= 60_000 ? <div className="hold-reminder">{t('callControls.holdReminder60')}</div> : waited >= 30_000 ? <div className="hold-reminder">{t('callControls.holdReminder30')}</div> : null}
    </div>
  );
}
