import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callOutcomeSchema, type CallOutcome } from '../../shared/ipc/calls.ts';
import { WhenField } from '../app/when-field.tsx';
import { runAction } from '../core/core-connection.ts';

/** After hang-up (R23): the outcome, the next step with its time and who does it, notes. */
export function WrapUpForm({ callId, title, onDone, onLater }: { callId: string; title: string; onDone(): void; onLater?(): void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<CallOutcome | ''>('');
  const [nextStepAt, setNextStepAt] = useState<number | null>(null);
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('');
  const [notes, setNotes] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return;
    const saved = await runAction((api) => api.call('calls.wrapUp', { callId, outcome, nextStepAt, nextStepWhat: what, nextStepWho: who, notes }));
    if (saved) onDone();
  };

  return (
    <form className="wrap-up" aria-label={title} onSubmit={(e) => void submit(e)}>
      <h3>{title}</h3>
      <div className="admin-grid">
        <label className="field">
          {t('wrapUp.outcome')}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as CallOutcome | '')} required>
            <option value="">{t('wrapUp.choose')}</option>
            {callOutcomeSchema.options.map((o) => (
              <option key={o} value={o}>{t(`outcome.${o}`)}</option>
            ))}
          </select>
        </label>
        <WhenField label={t('wrapUp.when')} value={nextStepAt} onChange={setNextStepAt} />
        <label className="field">
          {t('wrapUp.what')}
          <input value={what} onChange={(e) => setWhat(e.target.value)} placeholder={t('wrapUp.whatPlaceholder')} />
        </label>
        <label className="field">
          {t('wrapUp.who')}
          <input value={who} onChange={(e) => setWho(e.target.value)} placeholder={t('wrapUp.whoPlaceholder')} />
        </label>
        <label className="field field-wide">
          {t('wrapUp.notes')}
          <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!outcome}>{t('wrapUp.save')}</button>
        {onLater && (
          <button type="button" className="button" onClick={onLater}>{t('wrapUp.later')}</button>
        )}
      </div>
    </form>
  );
}
