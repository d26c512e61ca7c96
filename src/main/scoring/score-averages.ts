import { sql, type Kysely } from 'kysely';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { ScoreAverages } from '../../shared/ipc/scoring.ts';
import type { Period } from '../../shared/ipc/stats.ts';
import { periodOf } from '../../shared/stats/stat-period.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';

const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/**
 * The scores of a period averaged per agent and per agent's week, weeks starting in the office's
 * time zone. Practice calls are scored for the trainee's sake and never enter the averages.
 */
export async function scoreAverages(db: Kysely<DatabaseSchema>, period: Period, timeZone: string): Promise<ScoreAverages> {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new RpcError('bad-time-zone', `“${timeZone}” is not a time zone.`, { zone: timeZone });
  }
  const scored = await db
    .selectFrom('call_scores')
    .innerJoin('calls', 'calls.id', 'call_scores.call_id')
    .select(['call_scores.agent', 'call_scores.percent', 'call_scores.failed_critical', 'calls.invite_at'])
    .where('calls.invite_at', '>=', period.from)
    .where('calls.invite_at', '<', period.to)
    .where('calls.practice', '=', 0)
    .orderBy(sql`calls.invite_at`)
    .execute();
  const byAgent = new Map<string, { percents: number[]; scored: number; failed: number }>();
  const byWeek = new Map<string, { weekStart: number; agent: string; percents: number[]; scored: number }>();
  for (const s of scored) {
    const agent = byAgent.get(s.agent) ?? { percents: [], scored: 0, failed: 0 };
    agent.scored++;
    agent.failed += s.failed_critical;
    if (s.percent !== null) agent.percents.push(s.percent);
    byAgent.set(s.agent, agent);
    const weekStart = periodOf('week', Number(s.invite_at), timeZone).from;
    const key = `${s.agent}\u0000${weekStart}`;
    const week = byWeek.get(key) ?? { weekStart, agent: s.agent, percents: [], scored: 0 };
    week.scored++;
    if (s.percent !== null) week.percents.push(s.percent);
    byWeek.set(key, week);
  }
  return {
    agents: [...byAgent.entries()].map(([agent, a]) => ({ agent, scored: a.scored, averagePercent: mean(a.percents), failed: a.failed })).sort((a, b) => a.agent.localeCompare(b.agent)),
    weeks: [...byWeek.values()].map((w) => ({ weekStart: w.weekStart, agent: w.agent, scored: w.scored, averagePercent: mean(w.percents) })).sort((a, b) => a.weekStart - b.weekStart || a.agent.localeCompare(b.agent)),
  };
}
