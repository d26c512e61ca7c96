import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ANSWER_SECOND_BUCKETS, type DeskStats } from '../../shared/ipc/stats.ts';
import { periodOf, type PeriodKind } from '../../shared/stats/stat-period.ts';
import { DateField } from '../app/date-field.tsx';
import { useNow } from '../app/top-bar.tsx';
import { secondsText } from '../calls/seconds-text.ts';
import { useDisplayFormat } from '../i18n/display-format.ts';
import { formatDuration } from '../phone/call-presentation.ts';
import { useAppStore } from '../state/app-store.ts';
import { useCoreQuery } from '../state/use-core-query.ts';
import { agentName } from '../calls/agent-name.ts';
import { ChartCard } from './chart-card.tsx';

const officeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Without statistics you play football with your eyes closed" (R30): the desk's figures for a period and agent. */
export function StatsScreen() {
  const { t } = useTranslation();
  const me = useAppStore((s) => s.settings?.settings.account.sipUri ?? '');
  const [kind, setKind] = useState<PeriodKind | 'custom'>('today');
  // Re-read once a minute: at midnight "today" moves on.
  const now = useNow(60_000);
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [agent, setAgent] = useState<string>('me');
  const agents = useCoreQuery('stats-agents', 'calls', (api) => api.call('stats.agents', {}));
  const period =
    kind === 'custom'
      ? custom.from && custom.to
        ? { from: new Date(`${custom.from}T00:00`).getTime(), to: new Date(`${custom.to}T00:00`).getTime() + 86_400_000 }
        : null
      : periodOf(kind, now, officeZone);
  const agentFilter = agent === 'all' ? null : agent === 'me' ? me : agent;
  const stats = useCoreQuery(`stats:${period?.from}:${period?.to}:${agentFilter}`, 'calls', (api) =>
    period && period.from < period.to ? api.call('stats.desk', { period, agent: agentFilter }) : Promise.resolve(null),
  );
  return (
    <section className="screen" aria-labelledby="stats-title">
      <div className="screen-header">
        <h2 id="stats-title">{t('stats.title')}</h2>
      </div>
      <div className="stats-controls">
        <label className="field inline-field">
          {t('stats.period')}
          <select value={kind} onChange={(e) => setKind(e.target.value as PeriodKind | 'custom')}>
            <option value="today">{t('stats.today')}</option>
            <option value="week">{t('stats.week')}</option>
            <option value="month">{t('stats.month')}</option>
            <option value="custom">{t('stats.custom')}</option>
          </select>
        </label>
        {kind === 'custom' && (
          <>
            <DateField inline label={t('stats.from')} value={custom.from} onChange={(from) => setCustom((c) => ({ ...c, from }))} />
            <DateField inline label={t('stats.to')} value={custom.to} onChange={(to) => setCustom((c) => ({ ...c, to }))} />
          </>
        )}
        <label className="field inline-field">
          {t('stats.agent')}
          <select value={agent} onChange={(e) => setAgent(e.target.value)}>
            <option value="me">{t('stats.me')}</option>
            <option value="all">{t('stats.everyone')}</option>
            {agents
              ?.filter((a) => a !== me)
              .map((a) => (
                <option key={a} value={a}>
                  {agentName(a)}
                </option>
              ))}
          </select>
        </label>
        <span className="muted small">{t('stats.practiceNote')}</span>
      </div>
      {stats && (stats.incoming === 0 ? <p className="muted">{t('stats.none')}</p> : <StatsView stats={stats} />)}
    </section>
  );
}

function StatsView({ stats }: { stats: DeskStats }) {
  const { t, i18n } = useTranslation();
  const format = useDisplayFormat();
  const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
  const figures: [string, string, string][] = [
    ['incoming', t('stats.incoming'), String(stats.incoming)],
    ['answered', t('stats.answered'), String(stats.answered)],
    ['missed', t('stats.missed'), String(stats.missed)],
    ['by-ring-3', t('stats.byRing3'), percent(stats.answeredByRing3Share)],
    ['average-answer', t('stats.averageAnswer'), stats.averageAnswerMs === null ? '—' : secondsText(t, i18n.language, stats.averageAnswerMs)],
    ['talk', t('stats.talk'), formatDuration(stats.talkMs)],
    ['hold', t('stats.hold'), formatDuration(stats.holdMs)],
    ['transfers-per-call', t('stats.transfersPerCall'), stats.transfersPerCall === null ? '—' : format.number(stats.transfersPerCall, 2)],
    ['conversion', t('stats.conversion'), percent(stats.conversion)],
  ];
  const rings = stats.answeredAtRing.map((answered, i) => ({ label: i === stats.answeredAtRing.length - 1 ? `${i + 1}+` : String(i + 1), answered, missed: stats.missedAtRing[i] ?? 0 }));
  const seconds = stats.answeredWithinSeconds.map((calls, i) => ({ label: i < ANSWER_SECOND_BUCKETS.length ? `≤ ${ANSWER_SECOND_BUCKETS[i]} s` : t('stats.later'), calls }));
  const funnel = (['effective', 'offers', 'meetings', 'deferred', 'sold'] as const).map((key) => ({ label: t(`stats.${key}`), calls: stats.funnel[key] }));
  const sources = stats.bySource.map((s) => ({ label: s.source || t('stats.unknownSource'), incoming: s.incoming, sold: s.sold }));
  return (
    <>
      <dl className="today-summary stats-figures">
        {figures.map(([key, label, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-stat={key}>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="stats-charts">
        <ChartCard title={t('stats.rings')} csvName="speed-of-answer-rings.csv" columns={[t('stats.ring'), t('stats.answeredCalls'), t('stats.missedCalls')]} rows={rings.map((r) => [r.label, r.answered, r.missed])}>
          <BarChart data={rings}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="answered" name={t('stats.answeredCalls')} fill="#1c8a4a" isAnimationActive={false} />
            <Bar dataKey="missed" name={t('stats.missedCalls')} fill="#c8283c" isAnimationActive={false} />
          </BarChart>
        </ChartCard>
        <ChartCard title={t('stats.seconds')} csvName="speed-of-answer-seconds.csv" columns={[t('stats.within'), t('stats.calls')]} rows={seconds.map((s) => [s.label, s.calls])}>
          <BarChart data={seconds}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="calls" name={t('stats.calls')} fill="#1b4fa0" isAnimationActive={false} />
          </BarChart>
        </ChartCard>
        <ChartCard title={t('stats.funnel')} csvName="outcomes.csv" columns={[t('stats.stage'), t('stats.calls')]} rows={funnel.map((f) => [f.label, f.calls])}>
          <BarChart data={funnel} layout="vertical">
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={150} />
            <Tooltip />
            <Bar dataKey="calls" name={t('stats.calls')} fill="#5a2d91" isAnimationActive={false} />
          </BarChart>
        </ChartCard>
        <ChartCard title={t('stats.sources')} csvName="lead-sources.csv" columns={[t('stats.source'), t('stats.incoming'), t('stats.sold')]} rows={sources.map((s) => [s.label, s.incoming, s.sold])}>
          <BarChart data={sources}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="incoming" name={t('stats.incoming')} fill="#1b4fa0" isAnimationActive={false} />
            <Bar dataKey="sold" name={t('stats.sold')} fill="#1c8a4a" isAnimationActive={false} />
          </BarChart>
        </ChartCard>
      </div>
    </>
  );
}

/** A chart where a picture reads faster, with its table underneath and the table as CSV. */
