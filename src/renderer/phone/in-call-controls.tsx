import { ArrowRightLeft, Clock, Grid3x3, MessageSquarePlus, Mic, MicOff, PauseCircle, PlayCircle } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { isTyping } from '../app/is-typing.ts';
import { useAppStore } from '../state/app-store.ts';
import { MessageForm } from '../messages/message-form.tsx';
import { promiseCallBack, sendTone, setMuted, toggleHold } from './call-actions.ts';
import { SteadyLabel } from './steady-label.tsx';
import { isHeldHere } from './primary-call.ts';
import { TransferForm } from './transfer-form.tsx';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/**
 * The buttons of a call in progress: hold / resume (Alt+O), mute (Alt+M), the DTMF keypad (Alt+K;
 * digits typed while it is open), transfer (Alt+T), promise a call back, take a message.
 */
export function InCallControls({ call }: { call: LiveCall }) {
  const { t } = useTranslation();
  const muted = useAppStore((s) => s.muted[call.id] ?? false);
  const [keypad, setKeypad] = useState(false);
  const [sent, setSent] = useState('');
  const [transferOpen, setTransferOpen] = useState(false);
  const messageOpen = useAppStore((s) => s.messageFormCallId === call.id);
  const captured = useAppStore((s) => s.scriptCaptures[call.id]);
  const holding = isHeldHere(call);

  const press = (key: string) => {
    setSent((s) => `${s}${key}`.slice(-24));
    sendTone(call.id, key);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if (event.altKey && key === 'o') {
        event.preventDefault();
        toggleHold(call);
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
      <button type="button" className="button" aria-pressed={holding} disabled={call.holdPending !== null} onClick={() => toggleHold(call)} aria-keyshortcuts="Alt+O">
        {holding ? <PlayCircle size={18} aria-hidden /> : <PauseCircle size={18} aria-hidden />}{' '}
        <SteadyLabel
          current={call.holdPending === 'hold' ? t('callControls.holding') : call.holdPending === 'resume' ? t('callControls.resuming') : holding ? t('callControls.resume') : t('callControls.hold')}
          choices={[t('callControls.hold'), t('callControls.holding'), t('callControls.resume'), t('callControls.resuming')]}
        />{' '}
        <kbd>Alt+O</kbd>
      </button>
      <button type="button" className="button" aria-pressed={muted} onClick={() => setMuted(call.id, !muted)} aria-keyshortcuts="Alt+M">
        {muted ? <MicOff size={18} aria-hidden /> : <Mic size={18} aria-hidden />} <SteadyLabel current={muted ? t('callControls.unmute') : t('callControls.mute')} choices={[t('callControls.mute'), t('callControls.unmute')]} />{' '}
        <kbd>Alt+M</kbd>
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
      <button type="button" className="button" onClick={() => void promiseCallBack(call)}>
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
