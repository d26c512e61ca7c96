import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { missingCaseError } from '../../shared/logger.ts';
import type { CallBarState } from './call-bar-state.ts';
import { endReasonText, formatDuration } from './call-presentation.ts';
import { HoldStatus } from './hold-status.tsx';

/** The bar's big words: what is happening to the call, with its clock. */
export function CallBarWords({ call, bar, now }: { call: LiveCall; bar: CallBarState; now: number }) {
  const { t } = useTranslation();
  const talked = call.answeredAt === null ? null : formatDuration(now - call.answeredAt);
  switch (bar) {
    case 'ringing':
      return <span className="ringing-text">{t('callPanel.ringing', { ring: call.ring })}</span>;
    case 'connecting':
      return call.state === 'dialing' ? <span className="dialing-text">{call.ringPhase === 'on' ? t('dial.ringing') : t('dial.calling')}</span> : <span>{t('callPanel.connecting')}</span>;
    case 'on-call':
      return <span>{talked === null ? t('callPanel.connecting') : t('callPanel.onCall', { time: talked })}</span>;
    case 'on-hold':
      return <HoldStatus call={call} now={now} />;
    case 'consulting':
      if (call.consultFor === null && call.transferring) return <span>{t('callControls.transferring', { target: call.transferring.target })}</span>;
      return <span>{talked === null ? (call.ringPhase === 'on' ? t('dial.ringing') : t('dial.calling')) : t('callPanel.consulting', { time: talked })}</span>;
    case 'wrap-up':
      return <span>{endReasonText(t, call.endReason, call.direction)}</span>;
    default:
      throw missingCaseError(bar);
  }
}
