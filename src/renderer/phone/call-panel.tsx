import { Circle, MicOff, Pause, Phone, PhoneOff } from 'lucide-react';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { useNow } from '../app/top-bar.tsx';
import { currentDisplayFormat } from '../i18n/display-format.ts';
import { useAppStore } from '../state/app-store.ts';
import { answer, decline, hangUp, pauseRecording, record } from './call-actions.ts';
import { callBarState } from './call-bar-state.ts';
import { CallBarWords } from './call-bar-words.tsx';
import { callerName, callProblemText } from './call-presentation.ts';
import { InCallControls } from './in-call-controls.tsx';
import { ringTrace } from './ring-trace.ts';

/**
 * The call bar: stays at the top of the screen for the whole call. Its coloured head says the
 * state in big words (data-bar-state), who is on the line and how they were matched; below it,
 * the buttons with their keys, Hang up last and always in the same place.
 */
export function CallPanel({ call }: { call: LiveCall }) {
  const { t } = useTranslation();
  const now = useNow(call.state === 'active' ? 1000 : null);
  const recordingState = useAppStore((s) => s.recording[call.id] ?? 'off');
  const recording = recordingState === 'recording';
  const policy = useAppStore((s) => s.settings?.settings.recordingPolicy ?? 'all');
  const paused = useAppStore((s) => s.recordingPaused[call.id] ?? false);
  const muted = useAppStore((s) => s.muted[call.id] ?? false);
  const name = callerName(call);
  const organization = call.card.contact?.organization;
  const bar = callBarState(call);
  useLayoutEffect(() => {
    if (call.state === 'ringing') ringTrace.committed(call.id);
  }, [call.id, call.state]);
  return (
    <div className={`call-panel call-${call.state}`} data-call-id={call.id} data-call-state={call.state} data-bar-state={bar} data-invite-at={call.inviteAt}>
      <div className="call-bar-head">
        {/* Room for the longer of on the call / on hold, so taking the caller back does not re-wrap the bar and move Hang up. */}
        <div className="call-bar-words" {...(bar === 'on-call' || bar === 'on-hold' ? { 'data-room-a': t('callPanel.onCall', { time: '00:00' }), 'data-room-b': t('callControls.onHold', { time: '00:00' }) } : {})}>
          <CallBarWords call={call} bar={bar} now={now} />
        </div>
        <div className="call-bar-who">
          <h1 className="caller-name">{name}</h1>
          <div className="caller-details">
            <span className="caller-number">{currentDisplayFormat().phone(call.number)}</span>
            {organization && <span className="caller-org">{organization}</span>}
            {call.practice ? (
              <span className="practice-badge">{t('practice.badge')}</span>
            ) : (
              <span className={call.card.match === 'number' ? 'match match-number' : 'match match-none'}>
                {call.card.match === 'number' ? t('callPanel.matchNumber') : t('callPanel.matchNone')}
              </span>
            )}
          </div>
        </div>
        <div className="call-bar-flags">
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
          {recording && call.state === 'active' && (
            <button type="button" className="button" onClick={() => pauseRecording(call.id, !paused)} aria-pressed={paused}>
              {paused ? t('callPanel.resumeRecording') : t('callPanel.pauseRecording')}
            </button>
          )}
          {policy === 'on-demand' && call.state === 'active' && (
            <button type="button" className="button" disabled={recordingState === 'announcing'} onClick={() => record(call.id, !recording)} aria-pressed={recording}>
              {recording ? t('callPanel.stopRecording') : t('callPanel.record')}
            </button>
          )}
          {muted && call.state === 'active' && (
            <span className="muted-status" role="status">
              <MicOff size={14} aria-hidden /> {t('callControls.muted')}
            </span>
          )}
          {call.state === 'active' && (call.hold === 'remote' || call.hold === 'both') && (
            <span className="remote-hold" role="status">
              {t('callControls.remoteHold')}
            </span>
          )}
        </div>
      </div>
      {call.state === 'ringing' && (
        <div className="call-actions">
          <button type="button" className="button button-answer" onClick={() => answer(call.id)} aria-keyshortcuts="Enter Alt+A">
            <Phone size={20} aria-hidden /> {t('callPanel.answer')} <kbd>Enter</kbd>
          </button>
          <button type="button" className="button button-decline" onClick={() => decline(call.id)} aria-keyshortcuts="Alt+D">
            <PhoneOff size={20} aria-hidden /> {t('callPanel.decline')} <kbd>Alt+D</kbd>
          </button>
          <p className="auto-answer">
            {call.autoAnswerOnRing !== null ? t('callPanel.autoAnswer', { ring: call.autoAnswerOnRing }) : call.waiting ? t('callPanel.notWhileBusy') : t('callPanel.autoAnswerOff')}
          </p>
        </div>
      )}
      {(call.state === 'active' || call.state === 'answering' || call.state === 'dialing') && (
        <div className="call-actions">
          {call.state === 'active' && <InCallControls call={call} />}
          <button type="button" className="button button-decline hang-up" onClick={() => hangUp(call.id)} aria-keyshortcuts="Alt+H">
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
