import { Grid3x3, Mic, MicOff, PauseCircle, PlayCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { runAction, useAppStore } from '../state/app-store.ts';
import { formatDuration } from './call-presentation.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Hold / resume (Alt+O), mute (Alt+M) and the DTMF keypad (Alt+K; digits typed while it is open). */
export function InCallControls({ call }: { call: LiveCall }) {
  const { t } = useTranslation();
  const muted = useAppStore((s) => s.muted[call.id] ?? false);
  const setMuted = useAppStore((s) => s.setMuted);
  const [keypad, setKeypad] = useState(false);
  const [sent, setSent] = useState('');
  const holding = call.hold === 'local' || call.hold === 'both';

  const toggleHold = () => void runAction((api) => api.call('phone.hold', { callId: call.id, on: !holding }));
  const press = (key: string) => {
    setSent((s) => `${s}${key}`.slice(-24));
    void runAction((api) => api.call('phone.dtmf', { callId: call.id, tones: key }));
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if (event.altKey && key === 'o') {
        event.preventDefault();
        if (!call.holdPending) toggleHold();
      } else if (event.altKey && key === 'm') {
        event.preventDefault();
        setMuted(call.id, !muted);
      } else if (event.altKey && key === 'k') {
        event.preventDefault();
        setKeypad((open) => !open);
      } else if (keypad && !event.altKey && !event.ctrlKey && !isTyping(event.target) && (KEYS as readonly string[]).includes(event.key)) {
        event.preventDefault();
        press(event.key);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <button type="button" className="button" aria-pressed={holding} disabled={call.holdPending !== null} onClick={toggleHold} aria-keyshortcuts="Alt+O">
        {holding ? <PlayCircle size={18} aria-hidden /> : <PauseCircle size={18} aria-hidden />}{' '}
        {call.holdPending === 'hold' ? t('callControls.holding') : call.holdPending === 'resume' ? t('callControls.resuming') : holding ? t('callControls.resume') : t('callControls.hold')}{' '}
        <kbd>Alt+O</kbd>
      </button>
      <button type="button" className="button" aria-pressed={muted} onClick={() => setMuted(call.id, !muted)} aria-keyshortcuts="Alt+M">
        {muted ? <MicOff size={18} aria-hidden /> : <Mic size={18} aria-hidden />} {muted ? t('callControls.unmute') : t('callControls.mute')} <kbd>Alt+M</kbd>
      </button>
      <button type="button" className="button" aria-expanded={keypad} onClick={() => setKeypad(!keypad)} aria-keyshortcuts="Alt+K">
        <Grid3x3 size={18} aria-hidden /> {t('callControls.keypad')} <kbd>Alt+K</kbd>
      </button>
      {keypad && (
        <div className="keypad" role="group" aria-label={t('callControls.keypadLabel')}>
          {KEYS.map((key) => (
            <button key={key} type="button" className="keypad-key" onClick={() => press(key)}>
              {key}
            </button>
          ))}
          {sent && <div className="keypad-sent muted small">{t('callControls.sentTones', { tones: sent })}</div>}
        </div>
      )}
    </>
  );
}

/** On hold: how long the caller has waited, with reminders at 30 and 60 seconds (R18, R19). */
export function HoldStatus({ call, now }: { call: LiveCall; now: number }) {
  const { t } = useTranslation();
  const muted = useAppStore((s) => s.muted[call.id] ?? false);
  if (call.state !== 'active') return null;
  const waited = call.holdSince === null ? null : Math.max(0, now - call.holdSince);
  return (
    <>
      {waited !== null && (
        <div className={waited >= 60_000 ? 'hold-status hold-long' : waited >= 30_000 ? 'hold-status hold-warn' : 'hold-status'} role="status" data-hold-seconds={Math.floor(waited / 1000)}>
          <strong>{t('callControls.onHold', { time: formatDuration(waited) })}</strong>
          {waited >= 60_000 ? <div>{t('callControls.holdReminder60')}</div> : waited >= 30_000 ? <div>{t('callControls.holdReminder30')}</div> : null}
        </div>
      )}
      {(call.hold === 'remote' || call.hold === 'both') && <div className="hold-status" role="status">{t('callControls.remoteHold')}</div>}
      {muted && <div className="muted-status" role="status">{t('callControls.muted')}</div>}
    </>
  );
}
