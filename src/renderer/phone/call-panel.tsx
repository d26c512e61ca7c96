import { Circle, Pause, Phone, PhoneOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { useNow } from '../app/top-bar.tsx';
import { useAppStore } from '../state/app-store.ts';
import { callerName, callProblemText, endReasonText, formatDuration } from './call-presentation.ts';
import { answer, decline, hangup } from './call-stage.tsx';
import { HoldStatus } from './hold-status.tsx';
import { InCallControls } from './in-call-controls.tsx';

export function CallPanel({ call }: { call: LiveCall }) {
  const { t } = useTranslation();
  const now = useNow(call.state === 'active' ? 1000 : null);
  const recordingState = useAppStore((s) => s.recording[call.id] ?? 'off');
  const recording = recordingState === 'recording';
  const policy = useAppStore((s) => s.settings?.settings.recordingPolicy ?? 'all');
  const recordCall = useAppStore((s) => s.recordCall);
  const paused = useAppStore((s) => s.recordingPaused[call.id] ?? false);
  const pauseRecording = useAppStore((s) => s.pauseRecording);
  const name = callerName(call);
  const organization = call.card.contact?.organization;
  return (
    <div className={`call-panel call-${call.state}`} data-call-id={call.id} data-call-state={call.state} data-invite-at={call.inviteAt}>
      <div className="call-status" aria-live="assertive">
        {call.practice && <span className="practice-badge">{t('practice.badge')}</span>}
        {call.state === 'ringing' && <span className="ringing-text">{t('callPanel.ringing', { ring: call.ring })}</span>}
        {call.state === 'answering' && <span>{t('callPanel.connecting')}</span>}
        {call.state === 'dialing' && <span className="dialing-text">{call.ringPhase === 'on' ? t('dial.ringing') : t('dial.calling')}</span>}
        {call.state === 'active' && call.answeredAt !== null && <span>{t('callPanel.onCall', { time: formatDuration(now - call.answeredAt) })}</span>}
        {call.state === 'ended' && <span>{endReasonText(t, call.endReason, call.direction)}</span>}
        {recordingState === 'announcing' && call.state === 'active' && (
          <span className="recording-indicator" role="status" data-state="announcing">
            {t('callPanel.announcing')}
          </span>
        )}
        {recording && call.state === 'active' && (
          <span className="recording-indicator" role="status" data-state={paused ? 'paused' : 'recording'}>
            {paused ? <Pause size={14} aria-hidden /> : <Circle size={12} fill="currentColor" aria-hidden />}
            {paused ? t('callPanel.recordingPaused') : t('callPanel.recording')}
          </span>
        )}
      </div>
      <HoldStatus call={call} now={now} />
      <h1 className="caller-name">{name}</h1>
      {organization && <div className="caller-org">{organization}</div>}
      <div className="caller-number">{call.number}</div>
      <div className={call.card.match === 'number' ? 'match match-number' : 'match match-none'}>
        {call.card.match === 'number' ? t('callPanel.matchNumber') : t('callPanel.matchNone')}
      </div>
      {call.state === 'ringing' && (
        <>
          <p className="auto-answer">
            {call.autoAnswerOnRing !== null ? t('callPanel.autoAnswer', { ring: call.autoAnswerOnRing }) : call.waiting ? t('callPanel.notWhileBusy') : t('callPanel.autoAnswerOff')}
          </p>
          <div className="call-actions">
            <button type="button" className="button button-answer" onClick={() => answer(call.id)} aria-keyshortcuts="Enter Alt+A">
              <Phone size={20} aria-hidden /> {t('callPanel.answer')} <kbd>Enter</kbd>
            </button>
            <button type="button" className="button button-decline" onClick={() => decline(call.id)} aria-keyshortcuts="Alt+D">
              <PhoneOff size={20} aria-hidden /> {t('callPanel.decline')} <kbd>Alt+D</kbd>
            </button>
          </div>
        </>
      )}
      {(call.state === 'active' || call.state === 'answering' || call.state === 'dialing') && (
        <div className="call-actions">
          {call.state === 'active' && <InCallControls call={call} />}
          {recording && call.state === 'active' && (
            <button type="button" className="button" onClick={() => pauseRecording(call.id, !paused)} aria-pressed={paused}>
              {paused ? t('callPanel.resumeRecording') : t('callPanel.pauseRecording')}
            </button>
          )}
          {policy === 'on-demand' && call.state === 'active' && (
            <button type="button" className="button" disabled={recordingState === 'announcing'} onClick={() => recordCall(call.id, !recording)} aria-pressed={recording}>
              {recording ? t('callPanel.stopRecording') : t('callPanel.record')}
            </button>
          )}
          <button type="button" className="button button-decline" onClick={() => hangup(call.id)} aria-keyshortcuts="Alt+H">
            <PhoneOff size={20} aria-hidden /> {t('callPanel.hangUp')} <kbd>Alt+H</kbd>
          </button>
        </div>
      )}
      {call.error && (
        <p className="error-text" role="alert">
          {callProblemText(call)}
        </p>
      )}
    </div>
  );
}
