import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../phone/call-presentation.ts';
import { CallRecordings } from '../recordings/recording-player.tsx';
import { StageTimes } from '../scripts/stage-times.tsx';
import { dial, DialForm } from '../phone/dial-form.tsx';
import { CallbackTasksPanel } from './callback-tasks-panel.tsx';
import { WrapUpForm } from './wrap-up-form.tsx';
import { runAction, useAppStore } from '../state/app-store.ts';
import { useCoreQuery } from '../state/use-core-query.ts';

/** "1.5 s", "1,5 с": a speed of answer in the language's own number format. */
function secondsText(t: TFunction, language: string, ms: number): string {
  return t('calls.seconds', { value: new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000) });
}

export function CallsScreen() {
  const { t, i18n } = useTranslation();
  const seconds = (ms: number) => secondsText(t, i18n.language, ms);
  const [filter, setFilter] = useState<'all' | 'missed'>('all');
  const [open, setOpen] = useState<string | null>(null);
  const [wrapping, setWrapping] = useState<string | null>(null);
  const [stagesOf, setStagesOf] = useState<string | null>(null);
  // A saved contact renames rows too: refetch on either kind of change.
  const contactsVersion = useAppStore((s) => s.dataVersion.contacts);
  const calls = useCoreQuery(`${filter}:${contactsVersion}`, 'calls', (api) => api.call('calls.list', { filter, limit: 200 }));

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
        <table className="table calls-table">
          <thead>
            <tr>
              <th scope="col">{t('calls.time')}</th>
              <th scope="col">{t('calls.caller')}</th>
              <th scope="col">{t('calls.status')}</th>
              <th scope="col">{t('calls.rings')}</th>
              <th scope="col">{t('calls.answeredAfter')}</th>
              <th scope="col">{t('calls.hungUp')}</th>
              <th scope="col">{t('calls.talkTime')}</th>
              <th scope="col">{t('calls.recording')}</th>
              <th scope="col">{t('calls.result')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.flatMap((c) => [
              <tr key={c.id} className={c.status === 'missed' ? 'row-missed' : undefined} data-call-id={c.id}>
                <td>{new Date(c.inviteAt).toLocaleString(i18n.language)}</td>
                <td>
                  <div>
                    {c.contactName || c.remoteDisplayName || c.remoteE164 || c.remoteNumber}
                    {c.practice && <span className="practice-badge">{t('practice.listBadge')}</span>}
                  </div>
                  <div className="muted small">
                    {c.remoteE164 ?? c.remoteNumber}{' '}
                    {c.remoteNumber && !c.practice && (
                      <button type="button" className="link-button" onClick={() => dial(c.remoteE164 ?? c.remoteNumber)}>
                        {t('dial.callBack')}
                      </button>
                    )}
                    {c.status === 'missed' && !c.practice && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          void runAction((api) =>
                            api.call('tasks.create', { source: 'missed-call', name: c.contactName || c.remoteDisplayName, number: c.remoteE164 ?? c.remoteNumber, due: { urgency: 'warm' }, owner: '', note: '', originId: c.id }),
                          )
                        }
                      >
                        {t('tasks.create')}
                      </button>
                    )}
                  </div>
                </td>
                <td className={`status status-${c.status}`}>{t(`calls.statuses.${c.status}`)}{c.autoAnswered ? ` ${t('calls.auto')}` : ''}</td>
                <td data-column="rings">{c.rings}</td>
                <td>{c.answerMs !== null ? seconds(c.answerMs) : '—'}</td>
                <td>{c.endedBy ? t(`calls.endedBy.${c.endedBy}`) : '—'}</td>
                <td>{c.durationMs !== null ? formatDuration(c.durationMs) : '—'}</td>
                <td data-column="recording">
                  {c.recordings.count > 0 ? (
                    <button type="button" className="link-button" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>
                      {open === c.id ? t('calls.close') : t('calls.listen')}
                    </button>
                  ) : (
                    '—'
                  )}
                  {c.recordings.recovered && <span className="recovered" title={t('calls.recoveredTitle')}> {t('calls.recovered')}</span>}
                </td>
                <td data-column="result" data-furthest-stage={c.furthestStage ?? undefined}>
                  {c.outcome ? t(`outcome.${c.outcome}`) : c.wrapUpPending ? (
                    <button type="button" className="link-button pending" aria-expanded={wrapping === c.id} onClick={() => setWrapping(wrapping === c.id ? null : c.id)}>
                      {t('wrapUp.pending')}
                    </button>
                  ) : (
                    '—'
                  )}
                  {c.furthestStage && (
                    <div>
                      <button type="button" className="link-button small" aria-expanded={stagesOf === c.id} onClick={() => setStagesOf(stagesOf === c.id ? null : c.id)}>
                        {t('stageTimes.show')}
                      </button>
                    </div>
                  )}
                  {c.nextStep.at !== null && <div className="muted small">{t('calls.next', { when: new Date(c.nextStep.at).toLocaleString(i18n.language) })}{c.nextStep.who ? ` · ${c.nextStep.who}` : ''}</div>}
                </td>
              </tr>,
              wrapping === c.id && (
                <tr key={`${c.id}-wrap-up`} className="player-row">
                  <td colSpan={9}>
                    <WrapUpForm callId={c.id} title={t('wrapUp.title', { name: c.contactName || c.remoteDisplayName || c.remoteNumber })} onDone={() => setWrapping(null)} />
                  </td>
                </tr>
              ),
              stagesOf === c.id && (
                <tr key={`${c.id}-stages`} className="player-row">
                  <td colSpan={9}>
                    <StageTimes callId={c.id} endedAt={c.endedAt} />
                  </td>
                </tr>
              ),
              open === c.id && (
                <tr key={`${c.id}-player`} className="player-row">
                  <td colSpan={9}>
                    <CallRecordings callId={c.id} />
                  </td>
                </tr>
              ),
            ])}
          </tbody>
        </table>
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
