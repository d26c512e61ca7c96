import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageInput } from '../../shared/ipc/messages.ts';
import { WhenField } from '../app/when-field.tsx';
import { ColleagueOptions } from '../colleagues/colleagues-screen.tsx';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { runAction } from '../core/core-connection.ts';

/**
 * A message for an absent colleague (R7, R21): every field the colleague needs to call back, a
 * "read it back" step with the caller before it is sent, then it goes (and is retried until it arrives).
 */
export function MessageForm(props: { initial?: Partial<MessageInput>; onDone(): void }) {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const [m, setM] = useState<MessageInput>({
    toExtension: '',
    toName: '',
    callerName: '',
    organization: '',
    phone: '',
    callBackAt: null,
    text: '',
    urgency: 'normal',
    mood: 'calm',
    callId: null,
    ...props.initial,
  });
  const [readingBack, setReadingBack] = useState(false);
  const set = <K extends keyof MessageInput>(key: K, value: MessageInput[K]) => setM((x) => ({ ...x, [key]: value }));
  const complete = m.toExtension.trim() !== '' && m.callerName.trim() !== '' && m.text.trim() !== '';
  const send = async () => {
    const saved = await runAction((api) => api.call('messages.send', m));
    if (saved) props.onDone();
  };

  if (readingBack) {
    return (
      <section className="message-form" aria-label={t('messages.formTitle')}>
        <h3>{t('messages.readBack')}</h3>
        <p className="muted">{t('messages.readBackIntro')}</p>
        <dl className="read-back">
          <dt>{t('messages.to', { name: m.toName || m.toExtension })}</dt>
          <dd>
            {m.callerName}
            {m.organization && `, ${m.organization}`}
            {m.phone && ` · ${format.phone(m.phone)}`}
            {m.callBackAt !== null && ` · ${t('messages.callBack', { when: format.moment(m.callBackAt) })}`}
          </dd>
          <dd className="handoff-text">«{m.text}»</dd>
        </dl>
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={() => void send()}>
            {t('messages.send')}
          </button>
          <button type="button" className="button" onClick={() => setReadingBack(false)}>
            {t('messages.edit')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <form
      className="message-form"
      aria-label={t('messages.formTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        if (complete) setReadingBack(true);
      }}
    >
      <h3>{t('messages.formTitle')}</h3>
      <div className="admin-grid">
        <label className="field">
          {t('messages.forWhom')}
          <input value={m.toExtension} onChange={(e) => set('toExtension', e.target.value)} inputMode="tel" list="message-colleagues" />
          <ColleagueOptions id="message-colleagues" />
        </label>
        <label className="field">
          {t('messages.forName')}
          <input value={m.toName} onChange={(e) => set('toName', e.target.value)} />
        </label>
        <label className="field">
          {t('messages.callerName')}
          <input value={m.callerName} onChange={(e) => set('callerName', e.target.value)} />
        </label>
        <label className="field">
          {t('messages.organization')}
          <input value={m.organization} onChange={(e) => set('organization', e.target.value)} />
        </label>
        <label className="field">
          {t('messages.phone')}
          <input value={m.phone} onChange={(e) => set('phone', e.target.value)} inputMode="tel" />
        </label>
        <WhenField label={t('messages.callBackAt')} value={m.callBackAt} onChange={(ms) => set('callBackAt', ms)} />
        <label className="field field-wide">
          {t('messages.text')}
          <textarea rows={3} value={m.text} onChange={(e) => set('text', e.target.value)} />
        </label>
        <label className="field">
          {t('messages.urgency')}
          <select value={m.urgency} onChange={(e) => set('urgency', e.target.value === 'urgent' ? 'urgent' : 'normal')}>
            <option value="normal">{t('messages.normal')}</option>
            <option value="urgent">{t('messages.urgent')}</option>
          </select>
        </label>
        <label className="field">
          {t('messages.mood')}
          <select value={m.mood} onChange={(e) => set('mood', e.target.value as MessageInput['mood'])}>
            <option value="calm">{t('messages.calm')}</option>
            <option value="upset">{t('messages.upset')}</option>
            <option value="angry">{t('messages.angry')}</option>
          </select>
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!complete}>
          {t('messages.readBack')}
        </button>
        <button type="button" className="button" onClick={props.onDone}>
          {t('messages.cancel')}
        </button>
      </div>
    </form>
  );
}
