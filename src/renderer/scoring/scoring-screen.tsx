import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoringRow } from '../../shared/ipc/scoring.ts';
import { AdminPinForm } from '../admin/admin-pin-form.tsx';
import { useAdminStatus } from '../admin/use-admin-status.ts';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { formatDuration } from '../phone/call-presentation.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { agentName } from '../calls/agent-name.ts';
import { ScoreAveragesPanel } from './score-averages-panel.tsx';
import { ScoreCallPanel } from './score-call-panel.tsx';

type Tab = 'queue' | 'averages' | 'mine';

/** Supervisor scoring of recorded calls (R29, R32), and each agent's own scored calls. */
export function ScoringScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('mine');
  const { status, set: setStatus } = useAdminStatus();
  const supervisorTab = tab === 'queue' || tab === 'averages';

  return (
    <section className="screen" aria-labelledby="scoring-title">
      <div className="screen-header">
        <h2 id="scoring-title">{t('scoring.title')}</h2>
      </div>
      <p className="muted">{t('scoring.intro')}</p>
      <div className="segmented tabs" role="tablist">
        {(['mine', 'queue', 'averages'] as const).map((target) => (
          <button key={target} type="button" role="tab" aria-selected={tab === target} onClick={() => setTab(target)}>
            {t(target === 'mine' ? 'scoring.tabMine' : target === 'queue' ? 'scoring.tabQueue' : 'scoring.tabAverages')}
          </button>
        ))}
      </div>
      {tab === 'mine' && <MyScoredCalls />}
      {supervisorTab &&
        (status === null ? null : !status.unlocked ? (
          <>
            <p>{t('scoring.supervisorOnly')}</p>
            <AdminPinForm status={status} onUnlocked={setStatus} />
          </>
        ) : tab === 'queue' ? (
          <ScoringQueue />
        ) : (
          <ScoreAveragesPanel />
        ))}
    </section>
  );
}

function ScoringQueue() {
  const { t } = useTranslation();
  const [agent, setAgent] = useState<string>('all');
  const [scored, setScored] = useState<'all' | 'scored' | 'unscored'>('unscored');
  const [includePractice, setIncludePractice] = useState(false);
  const agents = useCoreQuery('stats-agents', 'calls', (api) => api.call('stats.agents', {}));
  const rows = useCoreQuery(`scoring-queue:${agent}:${scored}:${includePractice}`, 'scores', (api) =>
    api.call('scoring.calls', { agent: agent === 'all' ? null : agent, scored, includePractice, limit: 100 }),
  );
  return (
    <>
      <div className="stats-controls">
        <label className="field inline-field">
          {t('scoring.agent')}
          <select value={agent} onChange={(e) => setAgent(e.target.value)}>
            <option value="all">{t('scoring.everyone')}</option>
            {agents?.map((a) => (
              <option key={a} value={a}>
                {agentName(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline-field">
          {t('scoring.show')}
          <select value={scored} onChange={(e) => setScored(e.target.value as typeof scored)}>
            <option value="unscored">{t('scoring.unscored')}</option>
            <option value="scored">{t('scoring.scored')}</option>
            <option value="all">{t('scoring.all')}</option>
          </select>
        </label>
        <label className="check-field">
          <input type="checkbox" checked={includePractice} onChange={(e) => setIncludePractice(e.target.checked)} />
          {t('scoring.includePractice')}
        </label>
      </div>
      <ScoringTable rows={rows} editable empty={t('scoring.noCalls')} />
    </>
  );
}

function MyScoredCalls() {
  const { t } = useTranslation();
  const rows = useCoreQuery('scoring-mine', 'scores', (api) => api.call('scoring.mine', { limit: 100 }));
  return <ScoringTable rows={rows} editable={false} empty={t('scoring.noneMine')} />;
}

function ScoringTable({ rows, editable, empty }: { rows: ScoringRow[] | null; editable: boolean; empty: string }) {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const [openRow, setOpenRow] = useState<ScoringRow | null>(null);
  const open = openRow?.callId ?? null;
  if (!rows) return null;
  // A call just scored leaves the "not scored yet" list; it stays on screen while it is open.
  const shown = openRow && !rows.some((r) => r.callId === openRow.callId) ? [openRow, ...rows] : rows;
  if (shown.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="table scoring-table">
      <thead>
        <tr>
          <th scope="col">{t('scoring.when')}</th>
          <th scope="col">{t('scoring.agent')}</th>
          <th scope="col">{t('scoring.caller')}</th>
          <th scope="col">{t('scoring.duration')}</th>
          <th scope="col">{t('scoring.score')}</th>
          <th scope="col">{t('scoring.comments')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <Fragment key={r.callId}>
            <tr data-call-id={r.callId} data-scored={r.scored ? 'true' : 'false'} data-practice={r.practice ? 'true' : 'false'}>
              <td>{format.moment(r.at)}</td>
              <td>{agentName(r.agent)}</td>
              <td>
                {format.phone(r.remote)}
                {r.practice && <span className="practice-badge">{t('practice.listBadge')}</span>}
              </td>
              <td>{r.durationMs === null ? '—' : formatDuration(r.durationMs)}</td>
              <td data-column="score">
                {r.scored ? (r.failedCritical ? <span className="tag tag-critical">{t('scoring.failed')}</span> : r.percent === null ? '—' : `${r.percent}%`) : '—'}
              </td>
              <td>{r.comments}</td>
              <td>
                <button type="button" className="link-button" aria-expanded={open === r.callId} onClick={() => setOpenRow(open === r.callId ? null : r)}>
                  {open === r.callId ? t('scoring.close') : t('scoring.open')}
                </button>
              </td>
            </tr>
            {open === r.callId && (
              <tr className="player-row">
                <td colSpan={7}>
                  <ScoreCallPanel callId={r.callId} editable={editable} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
