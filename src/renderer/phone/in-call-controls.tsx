import { ArrowRightLeft, Clock, Grid3x3, MessageSquarePlus, Mic, MicOff, PauseCircle, PlayCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { runAction, useAppStore } from '../state/app-store.ts';
import { ColleagueOptions } from '../colleagues/colleagues-screen.tsx';
import { MessageForm } from '../messages/message-form.tsx';
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
  const messageOpen = useAppStore((s) => s.messageFormCallId === call.id);
  const captured = useAppStore((s) => s.scriptCaptures[call.id]);
  const agentName = useAppStore((s) => s.settings?.settings.account.displayName ?? '');
  const promiseMinutes = useAppStore((s) => s.settings?.settings.callbacks.promiseMinutes ?? 15);
  /** R22: "I will call you back in 10–15 minutes" — a task, due then, so the promise is kept. */
  const promise = () =>
    void runAction((api) =>
      api.call('tasks.create', {
        source: 'promise',
        name: captured?.name || call.card.contact?.name || call.displayName,
        number: call.card.number || call.number,
        due: { urgency: 'promise' },
        owner: agentName,
        note: '',
        originId: call.id,
      }),
    ).then((task) => task && useAppStore.getState().pushNotice('info', t('tasks.promised', { minutes: promiseMinutes })));
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
      <button type="button" className="button" onClick={promise}>
        <Clock size={18} aria-hidden /> {t('tasks.promise')}
      </button>
      <button type="button" className="button" aria-expanded={messageOpen} onClick={() => useAppStore.setState({ messageFormCallId: messageOpen ? null : call.id })}>
        <MessageSquarePlus size={18} aria-hidden /> {t('messages.newMessage')}
      </button>
      {messageOpen && (
        <MessageForm
          initial={{
            callerName: captured?.name || call.card.contact?.name || call.displayName,
            organization: captured?.organization || call.card.contact?.organization || '',
            phone: call.card.number || call.number,
            callId: call.id,
          }}
          onDone={() => useAppStore.setState({ messageFormCallId: null })}
        />
      )}
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

/**
 * Transfer (R20): whom, blind or warm. Warm puts the caller on hold and calls the colleague with a
 * hand-off note prefilled from the card and the script; blind has a check before it goes. The
 * warning shows when this would be the call's second transfer.
 */
function TransferForm({ call, onDone }: { call: LiveCall; onDone(): void }) {
  const { t } = useTranslation();
  const captured = useAppStore((s) => s.scriptCaptures[call.id]);
  const agentName = useAppStore((s) => s.settings?.settings.account.displayName ?? '');
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<'warm' | 'blind'>('warm');
  const [checking, setChecking] = useState(false);
  const [note, setNote] = useState(() => ({
    callerName: captured?.name || call.card.contact?.name || call.displayName,
    organization: captured?.organization || call.card.contact?.organization || '',
    callerNumber: call.card.number || call.number,
    reason: '',
    discussed: '',
  }));
  const field = (key: keyof typeof note, label: string, multiline = false) => (
    <label className={multiline ? 'field field-wide' : 'field'}>
      {label}
      {multiline ? (
        <textarea rows={2} value={note[key]} onChange={(e) => setNote((n) => ({ ...n, [key]: e.target.value }))} />
      ) : (
        <input value={note[key]} onChange={(e) => setNote((n) => ({ ...n, [key]: e.target.value }))} />
      )}
    </label>
  );
  const go = () => {
    onDone();
    const to = target.trim();
    if (kind === 'blind') void runAction((api) => api.call('phone.blindTransfer', { callId: call.id, target: to }));
    else void runAction((api) => api.call('phone.consult', { callId: call.id, target: to, note: { ...note, from: agentName || 'a colleague' } }));
  };
  return (
    <form
      className="transfer-form"
      aria-label={t('callControls.transferTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!target.trim()) return;
        if (kind === 'warm') go();
        else setChecking(true);
      }}
    >
      {call.transferCount >= 1 && (
        <p className="transfer-warning" role="alert">
          {t('callControls.transferWarning')}
        </p>
      )}
      {!checking ? (
        <>
          <label className="field">
            {t('callControls.transferTarget')}
            <input autoFocus value={target} onChange={(e) => setTarget(e.target.value)} inputMode="tel" list="transfer-colleagues" />
            <ColleagueOptions id="transfer-colleagues" />
          </label>
          <div className="transfer-kinds" role="radiogroup">
            <label>
              <input type="radio" name="transfer-kind" checked={kind === 'warm'} onChange={() => setKind('warm')} /> {t('callControls.transferWarm')}
            </label>
            <label>
              <input type="radio" name="transfer-kind" checked={kind === 'blind'} onChange={() => setKind('blind')} /> {t('callControls.transferBlind')}
            </label>
          </div>
          {kind === 'warm' && (
            <div className="admin-grid">
              {field('callerName', t('callControls.noteCaller'))}
              {field('organization', t('callControls.noteOrganization'))}
              {field('callerNumber', t('callControls.noteNumber'))}
              {field('reason', t('callControls.noteReason'), true)}
              {field('discussed', t('callControls.noteDiscussed'), true)}
            </div>
          )}
        </>
      ) : (
        <p>{t('callControls.transferCheck', { target: target.trim() })}</p>
      )}
      <div className="form-actions">
        {checking ? (
          <button type="button" className="button button-primary" onClick={go}>
            {t('callControls.transferNow')}
          </button>
        ) : (
          <button type="submit" className="button button-primary" disabled={!target.trim()}>
            {kind === 'warm' ? t('callControls.callColleague') : t('callControls.transfer')}
          </button>
        )}
        <button type="button" className="button" onClick={onDone}>
          {t('callControls.transferCancel')}
        </button>
      </div>
    </form>
  );
}

/** A warm transfer under way: the caller waits on hold; put them through, or go back to them. */
export function HeldForTransferBanner({ call, consult }: { call: LiveCall; consult: LiveCall | undefined }) {
  const { t } = useTranslation();
  const name = call.card.contact?.name || call.displayName || call.number;
  const warm = call.transferring?.kind === 'warm';
  return (
    <div className="held-banner" role="group" aria-label={t('callControls.heldForTransfer', { name, target: call.transferring?.target ?? '' })} data-call-id={call.id}>
      {warm ? <span>{t('callControls.heldForTransfer', { name, target: call.transferring?.target ?? '' })}</span> : <span className="error-text">{call.error}</span>}
      {warm && (
        <button type="button" className="button button-primary" disabled={consult?.state !== 'active'} onClick={() => void runAction((api) => api.call('phone.completeTransfer', { callId: call.id }))}>
          {t('callControls.completeTransfer')}
        </button>
      )}
      <button
        type="button"
        className="button"
        onClick={() => void runAction((api) => (warm ? api.call('phone.cancelTransfer', { callId: call.id }) : api.call('phone.hold', { callId: call.id, on: false })))}
      >
        {warm ? t('callControls.backToCaller') : t('callControls.takeBack')}
      </button>
    </div>
  );
}

/** What the colleague passing the call wrote (R20): read before saying hello. Text only. */
export function HandoffNoteCard({ call }: { call: LiveCall }) {
  const { t } = useTranslation();
  const note = call.handoff;
  if (!note || call.consultFor !== null) return null;
  return (
    <section className="handoff-note" aria-label={t('callControls.handoffFrom', { from: note.from })}>
      <h3>{t('callControls.handoffFrom', { from: note.from })}</h3>
      {note.transfers >= 2 && <p className="transfer-warning">{t('callControls.handoffTransfers', { count: note.transfers - 1 })}</p>}
      <dl>
        <dt>{t('callControls.handoffCaller')}</dt>
        <dd>
          {[note.callerName, note.organization, note.callerNumber].filter(Boolean).join(' · ')}
        </dd>
        {note.reason && (
          <>
            <dt>{t('callControls.handoffReason')}</dt>
            <dd className="handoff-text">{note.reason}</dd>
          </>
        )}
        {note.discussed && (
          <>
            <dt>{t('callControls.handoffDiscussed')}</dt>
            <dd className="handoff-text">{note.discussed}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
