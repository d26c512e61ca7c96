import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../phone/call-presentation.ts';
import { DialForm } from '../phone/dial-form.tsx';
import { CallbackTasksPanel } from './callback-tasks-panel.tsx';
import { CallsTable } from './calls-table.tsx';
import { secondsText } from './seconds-text.ts';
import { useAppStore } from '../state/app-store.ts';
import { useCoreQuery } from '../state/use-core-query.ts';

export function CallsScreen() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'all' | 'missed'>('all');
  // A saved contact renames rows too: refetch on either kind of change.
  const contactsVersion = useAppStore((s) => s.dataVersion.contacts);
  const calls = useCoreQuery(`${filter}:${contactsVersion}`, 'calls', (api) => api.call('calls.list', { filter, limit: 500 }));
  // During a call the list and the dial box step back (the call needs the room); they are back once it ends.
  const liveCallId = useAppStore((s) => s.calls.find((c) => c.state !== 'ended')?.id ?? null);
  const [shownDuring, setShownDuring] = useState<string | null>(null);

  if (liveCallId !== null && shownDuring !== liveCallId) {
    return (
      <section className="screen calls-stepped-back" aria-labelledby="calls-title">
        <h2 id="calls-title">{t('calls.title')}</h2>
        <span className="muted">{t('calls.steppedBack')}</span>
        <button type="button" className="button" aria-expanded={false} onClick={() => setShownDuring(liveCallId)}>
          {t('calls.showList')}
        </button>
      </section>
    );
  }
  return (
    <section className="screen" aria-labelledby="calls-title">
      <div className="screen-header">
        <h2 id="calls-title">{t('calls.title')}</h2>
        <div className="segmented" role="group" aria-label={t('calls.show')}>
          <button type="button" aria-pressed={filter === 'all'} onClick={() => setFilter('all')}>
            {t('calls.all')}
          </button>
          <button type="button" aria-pressed={filter === 'missed'} onClick={() => setFilter('missed')}>
            {t('calls.missed')}
          </button>
        </div>
      </div>
      <DialForm />
      <CallbackTasksPanel />
      <TodaySummary />
      {calls === null ? (
        <p className="muted">{t('calls.loading')}</p>
      ) : calls.length === 0 ? (
        <p className="muted">{filter === 'missed' ? t('calls.noMissed') : t('calls.none')}</p>
      ) : (
        <CallsTable calls={calls} />
      )}
    </section>
  );
}

/** Today at this desk (R1, R30): practice calls are not counted. */
function TodaySummary() {
  const { t, i18n } = useTranslation();
  const today = new Date();
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime();
  const to = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).getTime();
  const summary = useCoreQuery(`today:${from}`, 'calls', (api) => api.call('stats.desk', { period: { from, to }, agent: null }));
  if (!summary) return null;
  const byRing3 = summary.answeredByRing3Share === null ? null : Math.round(summary.answeredByRing3Share * 100);
  return (
    <dl className="today-summary" aria-label={t('today.label')}>
      <div>
        <dt>{t('today.incoming')}</dt>
        <dd data-stat="incoming">{summary.incoming}</dd>
      </div>
      <div>
        <dt>{t('today.answered')}</dt>
        <dd data-stat="answered">{summary.answered}</dd>
      </div>
      <div>
        <dt>{t('today.missed')}</dt>
        <dd data-stat="missed">{summary.missed}</dd>
      </div>
      <div>
        <dt>{t('today.byRing3')}</dt>
        <dd data-stat="by-ring-3">{byRing3 === null ? '—' : `${byRing3}%`}</dd>
      </div>
      <div>
        <dt>{t('today.averageAnswer')}</dt>
        <dd data-stat="average-answer">{summary.averageAnswerMs === null ? '—' : secondsText(t, i18n.language, summary.averageAnswerMs)}</dd>
      </div>
      <div>
        <dt>{t('today.talk')}</dt>
        <dd data-stat="talk">{formatDuration(summary.talkMs)}</dd>
      </div>
    </dl>
  );
}
