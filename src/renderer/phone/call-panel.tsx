import { Circle, Pause, Phone, PhoneOff } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { useNow } from '../app/top-bar.tsx';
import { useAppStore } from '../state/app-store.ts';
import { callerName, endReasonText, formatDuration } from './call-presentation.ts';
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
        {call.state === 'ringing' && <span className="ringing-text">Incoming call · Ring {call.ring}…</span>}
        {call.state === 'answering' && <span>Connecting…</span>}
        {call.state === 'dialing' && <span className="dialing-text">{call.ringPhase === 'on' ? t('dial.ringing') : t('dial.calling')}</span>}
        {call.state === 'active' && call.answeredAt !== null && <span>On the call · {formatDuration(now - call.answeredAt)}</span>}
        {call.state === 'ended' && <span>{endReasonText(call.endReason, call.direction)}</span>}
        {recordingState === 'announcing' && call.state === 'active' && (
          <span className="recording-indicator" role="status" data-state="announcing">
            Announcing recording to the caller…
          </span>
        )}
        {recording && call.state === 'active' && (
          <span className="recording-indicator" role="status" data-state={paused ? 'paused' : 'recording'}>
            {paused ? <Pause size={14} aria-hidden /> : <Circle size={12} fill="currentColor" aria-hidden />}
            {paused ? 'Recording paused' : 'Recording'}
          </span>
        )}
      </div>
      <HoldStatus call={call} now={now} />
      <h1 className="caller-name">{name}</h1>
      {organization && <div className="caller-org">{organization}</div>}
      <div className="caller-number">{call.number}</div>
      <div className={call.card.match === 'number' ? 'match match-number' : 'match match-none'}>
        {call.card.match === 'number' ? 'Matched by number only — caller ID can be spoofed' : 'Unknown number — not in your contacts'}
      </div>
      {call.state === 'ringing' && (
        <>
          <p className="auto-answer">
            {call.autoAnswerOnRing !== null
              ? `Answers by itself at the end of ring ${call.autoAnswerOnRing}`
              : call.waiting
                ? 'Not answered by itself: you are on another call'
                : 'Auto-answer is off — answer when you are ready'}
          </p>
          <div className="call-actions">
            <button type="button" className="button button-answer" onClick={() => answer(call.id)} aria-keyshortcuts="Enter Alt+A">
              <Phone size={20} aria-hidden /> Answer <kbd>Enter</kbd>
            </button>
            <button type="button" className="button button-decline" onClick={() => decline(call.id)} aria-keyshortcuts="Alt+D">
              <PhoneOff size={20} aria-hidden /> Decline <kbd>Alt+D</kbd>
            </button>
          </div>
        </>
      )}
      {(call.state === 'active' || call.state === 'answering' || call.state === 'dialing') && (
        <div className="call-actions">
          {call.state === 'active' && <InCallControls call={call} />}
          {recording && call.state === 'active' && (
            <button type="button" className="button" onClick={() => pauseRecording(call.id, !paused)} aria-pressed={paused}>
              {paused ? 'Resume recording' : 'Pause recording'}
            </button>
          )}
          {policy === 'on-demand' && call.state === 'active' && (
            <button type="button" className="button" disabled={recordingState === 'announcing'} onClick={() => recordCall(call.id, !recording)} aria-pressed={recording}>
              {recording ? 'Stop recording' : 'Record'}
            </button>
          )}
          <button type="button" className="button button-decline" onClick={() => hangup(call.id)} aria-keyshortcuts="Alt+H">
            <PhoneOff size={20} aria-hidden /> Hang up <kbd>Alt+H</kbd>
          </button>
        </div>
      )}
      {call.error && <p className="error-text" role="alert">{call.error}</p>}
    </div>
  );
}
