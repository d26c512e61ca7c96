import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSummary } from '../../shared/ipc/contacts.ts';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { formatDuration } from '../phone/call-presentation.ts';
import { CallRecordings } from '../recordings/recording-player.tsx';

export function RecentCalls({ calls }: { calls: CallSummary[] }) {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const [open, setOpen] = useState<string | null>(null);
  if (calls.length === 0) return <p className="muted">{t('card.noCalls')}</p>;
  return (
    <ul className="recent-calls">
      {calls.map((c) => (
        <li key={c.id} className={c.status === 'missed' ? 'missed' : undefined}>
          <span>{format.moment(c.inviteAt)}</span>
          <span>{t(`card.statuses.${c.status}`)}</span>
          <span>{c.durationMs !== null ? formatDuration(c.durationMs) : ''}</span>
          <span>
            {c.recorded && (
              <button type="button" className="link-button" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>
                {open === c.id ? t('card.close') : t('card.listen')}
              </button>
            )}
          </span>
          {open === c.id && (
            <div className="recent-call-player">
              <CallRecordings callId={c.id} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
