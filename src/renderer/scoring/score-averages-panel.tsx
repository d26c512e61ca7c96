import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { periodOf } from '../../shared/stats/stat-period.ts';
import { useNow } from '../app/top-bar.tsx';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { agentName } from '../calls/agent-name.ts';
import { ChartCard } from '../stats/chart-card.tsx';

const officeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const COLORS = ['#1b4fa0', '#1c8a4a', '#c8283c', '#7c3aed', '#d97706', '#0e7490'];
type Span = 'week' | 'month' | 'last90';

/** Per-agent averages of scored calls in a period, and the weekly trend (R29, R32). */
export function ScoreAveragesPanel() {
  const { t } = useTranslation();
  const format = useDisplayFormat();
  const [span, setSpan] = useState<Span>('month');
  const now = useNow(60_000);
  const today = periodOf('today', now, officeZone);
  const period = span === 'last90' ? { from: today.to - 90 * 86_400_000, to: today.to } : periodOf(span, now, officeZone);
  const averages = useCoreQuery(`score-averages:${period.from}:${period.to}`, 'scores', (api) => api.call('scoring.averages', { period, timeZone: officeZone }));
  const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value)}%`);
  const weekLabel = (weekStart: number) => format.moment(weekStart, 'day-month');
  const agents = averages?.agents.map((a) => a.agent) ?? [];
  const weekStarts = [...new Set(averages?.weeks.map((w) => w.weekStart) ?? [])].sort((a, b) => a - b);
  const trend = weekStarts.map((weekStart) => ({
    label: weekLabel(weekStart),
    ...Object.fromEntries(averages?.weeks.filter((w) => w.weekStart === weekStart).map((w) => [agentName(w.agent), w.averagePercent === null ? null : Math.round(w.averagePercent)]) ?? []),
  }));
  return (
    <>
      <div className="stats-controls">
        <label className="field inline-field">
          {t('scoring.period')}
          <select value={span} onChange={(e) => setSpan(e.target.value as Span)}>
            <option value="week">{t('scoring.thisWeek')}</option>
            <option value="month">{t('scoring.thisMonth')}</option>
            <option value="last90">{t('scoring.last90')}</option>
          </select>
        </label>
      </div>
      <p className="muted small">{t('scoring.practiceLeftOut')}</p>
      {averages && averages.agents.length === 0 && <p className="muted">{t('scoring.noScores')}</p>}
      {averages && averages.agents.length > 0 && (
        <div className="stats-charts">
          <section className="chart-card" aria-label={t('scoring.averagesTitle')}>
            <h3>{t('scoring.averagesTitle')}</h3>
            <table className="table score-averages">
              <thead>
                <tr>
                  <th scope="col">{t('scoring.agent')}</th>
                  <th scope="col">{t('scoring.callsScored')}</th>
                  <th scope="col">{t('scoring.average')}</th>
                  <th scope="col">{t('scoring.failedCalls')}</th>
                </tr>
              </thead>
              <tbody>
                {averages.agents.map((a) => (
                  <tr key={a.agent} data-agent={a.agent}>
                    <td>{agentName(a.agent)}</td>
                    <td data-column="scored">{a.scored}</td>
                    <td data-column="average">{percent(a.averagePercent)}</td>
                    <td data-column="failed">{a.failed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <ChartCard
            title={t('scoring.trend')}
            csvName="score-trend.csv"
            columns={[t('scoring.weekOf'), t('scoring.agent'), t('scoring.callsScored'), t('scoring.average')]}
            rows={averages.weeks.map((w) => [weekLabel(w.weekStart), agentName(w.agent), w.scored, percent(w.averagePercent)])}
          >
            <LineChart data={trend}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis domain={[0, 100]} unit="%" />
              <Tooltip />
              <Legend />
              {agents.map((agent, i) => (
                <Line key={agent} type="monotone" dataKey={agentName(agent)} stroke={COLORS[i % COLORS.length]} connectNulls isAnimationActive={false} />
              ))}
            </LineChart>
          </ChartCard>
        </div>
      )}
    </>
  );
}
