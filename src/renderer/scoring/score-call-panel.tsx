import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallScoringView, ScoreComment } from '../../shared/ipc/scoring.ts';
import { suggestedAnswer, type CallSignals } from '../../shared/scoring/call-signals.ts';
import { scoreOf, type ItemAnswer, type Scorecard } from '../../shared/scoring/scorecard.ts';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { formatDuration } from '../phone/call-presentation.ts';
import { CallRecordings, type PlayerControls } from '../recordings/recording-player.tsx';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { agentName } from '../calls/agent-name.ts';
import { parseMoment } from './parse-moment.ts';

const ANSWERS: ItemAnswer[] = ['yes', 'no', 'na'];

/** One recorded call: its player, what Ringside knows, and the scorecard — to fill in (supervisor) or to read (the agent). */
export function ScoreCallPanel({ callId, editable }: { callId: string; editable: boolean }) {
  const view = useCoreQuery(`score:${callId}`, 'scores', (api) => api.call('scoring.view', { callId }));
  const { t } = useTranslation();
  if (!view) return <p className="muted">{t('player.loading')}</p>;
  return <ScoreForm key={view.score?.scoredAt ?? 'new'} view={view} editable={editable} />;
}

function suggestions(card: Scorecard, signals: CallSignals): Record<string, ItemAnswer> {
  const result: Record<string, ItemAnswer> = {};
  for (const item of card.items) {
    const answer = item.signal ? suggestedAnswer(item.signal, signals) : null;
    if (answer) result[item.id] = answer;
  }
  return result;
}

function ScoreForm({ view, editable }: { view: CallScoringView; editable: boolean }) {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const pushNotice = useAppStore((s) => s.pushNotice);
  const card = view.score?.scorecard ?? view.scorecard;
  const suggested = suggestions(card, view.signals);
  const [answers, setAnswers] = useState<Record<string, ItemAnswer>>(view.score?.answers ?? suggested);
  const [comments, setComments] = useState<ScoreComment[]>(view.score?.comments ?? []);
  const [summary, setSummary] = useState(view.score?.summary ?? '');
  const [draft, setDraft] = useState({ at: '0:00', text: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const controls = useRef<PlayerControls | null>(null);
  const result = scoreOf(card, answers);

  const addComment = (event: FormEvent) => {
    event.preventDefault();
    const atMs = parseMoment(draft.at);
    if (atMs === null || !draft.text.trim()) {
      setProblem(t('scoring.badTime'));
      return;
    }
    setProblem(null);
    const comment = { recordingId: controls.current?.recordingId ?? null, atMs, text: draft.text.trim() };
    setComments((list) => [...list, comment].sort((a, b) => a.atMs - b.atMs));
    setDraft((d) => ({ ...d, text: '' }));
  };
  const save = async () => {
    const saved = await runAction((api) => api.call('scoring.save', { callId: view.callId, answers, summary, comments }));
    if (saved) pushNotice('info', t('scoring.saved'));
  };
  const markers = (recordingId: string, first: boolean) =>
    comments.filter((c) => c.recordingId === recordingId || (c.recordingId === null && first)).map((c) => ({ atMs: c.atMs, label: formatDuration(c.atMs) }));

  return (
    <div className="score-call" data-call-id={view.callId} data-practice={view.practice ? 'true' : 'false'}>
      {view.practice && (
        <p className="score-practice-note">
          <span className="practice-badge">{t('practice.listBadge')}</span>
          {t('scoring.practiceScore')}
        </p>
      )}
      <CallRecordings callId={view.callId} markers={markers} onControls={(c) => (controls.current = c)} />
      <Signals signals={view.signals} />
      <p className="score-total" data-score={result.percent ?? ''} data-failed={result.failedCritical ? 'true' : 'false'} role="status">
        {result.failedCritical
          ? t('scoring.totalFailed', { points: result.points, max: result.maxPoints })
          : result.percent === null
            ? t('scoring.totalNone')
            : t('scoring.total', { percent: result.percent, points: result.points, max: result.maxPoints })}
        {result.unanswered > 0 && <span className="muted small"> · {t('scoring.unanswered', { count: result.unanswered })}</span>}
      </p>
      <table className="table scorecard-table">
        <tbody>
          {card.items.map((item) => (
            <tr key={item.id} data-item={item.id} data-answer={answers[item.id] ?? ''} className={item.critical ? 'critical' : undefined}>
              <td>
                {item.text}
                {item.critical && <span className="tag tag-critical"> {t('scoring.critical')}</span>}
                {item.signal && suggested[item.id] !== undefined && answers[item.id] === suggested[item.id] && <span className="muted small"> · {t('scoring.suggested')}</span>}
              </td>
              <td className="muted small">{item.critical ? '' : item.points}</td>
              <td>
                <div className="segmented" role="radiogroup" aria-label={item.text}>
                  {ANSWERS.map((answer) => (
                    <button
                      key={answer}
                      type="button"
                      role="radio"
                      aria-checked={answers[item.id] === answer}
                      disabled={!editable}
                      onClick={() => setAnswers((a) => ({ ...a, [item.id]: answer }))}
                    >
                      {t(`scoring.${answer}`)}
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-label={t('scoring.comments')} className="score-comments">
        <h4>{t('scoring.comments')}</h4>
        <ul>
          {comments.map((c, i) => (
            <li key={`${c.atMs}-${i}`} data-at-ms={c.atMs}>
              <button type="button" className="link-button" title={t('scoring.jump')} onClick={() => controls.current?.seek(c.atMs)}>
                {formatDuration(c.atMs)}
              </button>{' '}
              {c.text}
              {editable && (
                <button type="button" className="link-button small" onClick={() => setComments((list) => list.filter((_, j) => j !== i))}>
                  {t('scoring.removeComment')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {editable && (
          <form className="comment-form" aria-label={t('scoring.addComment')} onSubmit={addComment}>
            <label className="field inline-field">
              {t('scoring.at')}
              <input value={draft.at} size={6} onChange={(e) => setDraft((d) => ({ ...d, at: e.target.value }))} />
            </label>
            <button type="button" className="link-button small" onClick={() => setDraft((d) => ({ ...d, at: formatDuration(controls.current?.positionMs() ?? 0) }))}>
              {t('scoring.usePlayhead')}
            </button>
            <input className="comment-text" aria-label={t('scoring.commentAt', { time: draft.at })} placeholder={t('scoring.commentPlaceholder')} maxLength={1000} value={draft.text} onChange={(e) => setDraft((d) => ({ ...d, text: e.target.value }))} />
            <button type="submit" className="button">
              {t('scoring.addComment')}
            </button>
            {problem && <span className="form-problem" role="alert">{problem}</span>}
          </form>
        )}
      </section>
      {editable ? (
        <>
          <label className="field field-wide">
            {t('scoring.summary')}
            <textarea rows={2} maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} />
          </label>
          <button type="button" className="button button-primary" onClick={() => void save()}>
            {t('scoring.save')}
          </button>
        </>
      ) : (
        summary && <blockquote className="score-summary">{summary}</blockquote>
      )}
      {view.score && (
        <p className="muted small">
          {t('scoring.scoredBy', { who: agentName(view.score.scoredBy), when: format.moment(view.score.scoredAt) })}
        </p>
      )}
    </div>
  );
}

function Signals({ signals }: { signals: CallSignals }) {
  const { t } = useTranslation();
  const yesNo = (value: boolean) => t(value ? 'scoring.yes' : 'scoring.no');
  const rows: [string, string, string][] = [
    ['rings', t('scoring.signalRings'), signals.rings === null ? t('scoring.signalRingsNone') : String(signals.rings)],
    ['hold', t('scoring.signalHold'), signals.holdMs === 0 ? '—' : `${formatDuration(signals.holdMs)}${signals.holdMs > 60_000 ? ` (${t('scoring.signalHoldLong')})` : ''}`],
    ['transfers', t('scoring.signalTransfers'), String(signals.transfers)],
    ['next-step', t('scoring.signalNextStep'), yesNo(signals.nextStepSet)],
    ['hung-up', t('scoring.signalHungUp'), signals.endedBy ? t(`scoring.endedBy.${signals.endedBy}`) : '—'],
    ['stage', t('scoring.signalStage'), signals.furthestStage ?? t('scoring.signalNoStage')],
  ];
  return (
    <section aria-label={t('scoring.signals')}>
      <h4>{t('scoring.signals')}</h4>
      <dl className="score-signals">
        {rows.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-signal={key}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
