import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { currentDisplayFormat } from '../i18n/display-format.ts';

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
          {[note.callerName, note.organization, note.callerNumber && currentDisplayFormat().phone(note.callerNumber)].filter(Boolean).join(' · ')}
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
