import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { ColleagueOptions } from '../colleagues/colleagues-screen.tsx';
import { useAppStore } from '../state/app-store.ts';
import { blindTransfer, consult } from './call-actions.ts';

/**
 * Transfer (R20): whom, blind or warm. Warm puts the caller on hold and calls the colleague with a
 * hand-off note prefilled from the card and the script; blind has a check before it goes. The
 * warning shows when this would be the call's second transfer.
 */
export function TransferForm({ call, onDone }: { call: LiveCall; onDone(): void }) {
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
    if (kind === 'blind') blindTransfer(call.id, to);
    else consult(call.id, to, { ...note, from: agentName || 'a colleague' });
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
