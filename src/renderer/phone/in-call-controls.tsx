import { ArrowRightLeft, Grid3x3, Mic, MicOff, PauseCircle, PlayCircle } from 'lucide-react';
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
  const [transferOpen, setTransferOpen] = useState(false);
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
      } else if (event.altKey && key === 't') {
        event.preventDefault();
        setTransferOpen((open) => !open);
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
      <button type="button" className="button" aria-expanded={transferOpen} disabled={call.transferring !== null} onClick={() => setTransferOpen(!transferOpen)} aria-keyshortcuts="Alt+T">
        <ArrowRightLeft size={18} aria-hidden /> {t('callControls.transfer')} <kbd>Alt+T</kbd>
      </button>
      {call.transferring && (
        <div className="transfer-status" role="status">
          {t('callControls.transferring', { target: call.transferring.target })}
        </div>
      )}
      {transferOpen && call.transferring === null && <TransferForm call={call} onDone={() => setTransferOpen(false)} />}
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

/** Blind transfer (R20): whom, a check before it goes, and the warning when this would be the second. */
function TransferForm({ call, onDone }: { call: LiveCall; onDone(): void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const [checking, setChecking] = useState(false);
  const transfer = () => {
    onDone();
    void runAction((api) => api.call('phone.blindTransfer', { callId: call.id, target: target.trim() }));
  };
  return (
    <form
      className="transfer-form"
      aria-label={t('callControls.transferTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        if (target.trim()) setChecking(true);
      }}
    >
      {call.transferCount >= 1 && (
        <p className="transfer-warning" role="alert">
          {t('callControls.transferWarning')}
        </p>
      )}
      {!checking ? (
        <label className="field">
          {t('callControls.transferTarget')}
          <input autoFocus value={target} onChange={(e) => setTarget(e.target.value)} inputMode="tel" />
        </label>
      ) : (
        <p>{t('callControls.transferCheck', { target: target.trim() })}</p>
      )}
      <div className="form-actions">
        {checking ? (
          <button type="button" className="button button-primary" onClick={transfer}>
            {t('callControls.transferNow')}
          </button>
        ) : (
          <button type="submit" className="button button-primary" disabled={!target.trim()}>
            {t('callControls.transfer')}
          </button>
        )}
        <button type="button" className="button" onClick={onDone}>
          {t('callControls.transferCancel')}
        </button>
      </div>
    </form>
  );
}
