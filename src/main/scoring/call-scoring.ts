import type { Clock } from '../../shared/clock.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { CallScore, CallScoringView, ScoreAverages, ScoreInput, ScoringRow } from '../../shared/ipc/scoring.ts';
import type { Period } from '../../shared/ipc/stats.ts';
import type { CallSignals } from '../../shared/scoring/call-signals.ts';
import { scoreOf, type Scorecard } from '../../shared/scoring/scorecard.ts';
import type { AuditLog } from '../admin/audit-log.ts';
import type { ScoreQuery, ScoreRepository } from './score-repository.ts';

export interface CallScoringDeps {
  scores: ScoreRepository;
  clock: Clock;
  audit: AuditLog;
  /** The shipped scorecard in the desk's language: stands until an admin saves the office's own. */
  shippedCard(): Scorecard;
  /** The title of a script stage, for "furthest stage reached"; null when the script is gone. */
  stageTitle(scriptId: string, stageId: string): Promise<string | null>;
}

export interface CallScoring {
  card(): Promise<{ card: Scorecard; shipped: boolean }>;
  saveCard(card: Scorecard, actor: string): Promise<void>;
  resetCard(actor: string): Promise<void>;
  view(callId: string): Promise<CallScoringView>;
  save(input: ScoreInput, actor: string): Promise<CallScore>;
  /** Recorded calls, newest first, with their scores; practice calls only when asked for. */
  rows(query: ScoreQuery): Promise<ScoringRow[]>;
  averages(period: Period, timeZone: string): Promise<ScoreAverages>;
}

const noSuchCall = () => new RpcError('no-such-call', 'This call is not in the history.');

/**
 * Supervisor scoring of recorded calls (R29, R32): the office's scorecard, scores, comments pinned
 * to moments, averages. A practice call is scored like any other so the trainee gets feedback on a
 * rehearsal; its score is marked practice and never enters the averages.
 */
export function createCallScoring(deps: CallScoringDeps): CallScoring {
  const { scores } = deps;

  const card = async () => {
    const stored = await scores.officeCard();
    return stored ? { card: stored, shipped: false } : { card: deps.shippedCard(), shipped: true };
  };

  const signals = async (callId: string): Promise<CallSignals> => {
    const call = await scores.callFacts(callId);
    if (!call) throw noSuchCall();
    const furthest = call.scriptId && call.furthestStage ? ((await deps.stageTitle(call.scriptId, call.furthestStage)) ?? call.furthestStage) : null;
    return {
      direction: call.direction,
      rings: call.direction === 'inbound' && call.status === 'answered' ? call.rings : null,
      holdMs: call.holdMs,
      transfers: call.transfers,
      nextStepSet: call.nextStepAt !== null || call.nextStepWhat.trim() !== '',
      endedBy: call.endedBy,
      furthestStage: furthest,
    };
  };

  return {
    card,

    async saveCard(next, actor) {
      await scores.saveOfficeCard(next, actor, deps.clock.now());
      await deps.audit.record(actor, 'scorecard-saved', { name: next.name, items: next.items.length });
    },

    async resetCard(actor) {
      await scores.removeOfficeCard();
      await deps.audit.record(actor, 'scorecard-saved', { reset: true });
    },

    async view(callId) {
      const call = await scores.call(callId);
      if (!call) throw noSuchCall();
      return { callId, ...call, signals: await signals(callId), score: await scores.score(callId), scorecard: (await card()).card };
    },

    async save(input, actor) {
      const call = await scores.call(input.callId);
      if (!call) throw noSuchCall();
      // A call scored before keeps the card it was scored with; a new score takes the office's card now.
      const existing = await scores.score(input.callId);
      const scorecard = existing?.scorecard ?? (await card()).card;
      const known = new Set(scorecard.items.map((i) => i.id));
      const unknown = Object.keys(input.answers).filter((id) => !known.has(id));
      if (unknown.length > 0) throw new RpcError('bad-score', `Not items of this scorecard: ${unknown.join(', ')}.`, { items: unknown.join(', ') });
      const result = scoreOf(scorecard, input.answers);
      await scores.saveScore({
        callId: input.callId,
        agent: call.agent,
        scorecard,
        answers: input.answers,
        summary: input.summary,
        comments: input.comments,
        points: result.points,
        maxPoints: result.maxPoints,
        percent: result.percent,
        failedCritical: result.failedCritical,
        scoredBy: actor,
        scoredAt: deps.clock.now(),
      });
      const saved = await scores.score(input.callId);
      if (!saved) throw new RpcError('score-not-saved', 'The score was not saved.');
      return saved;
    },

    rows: (query) => scores.rows(query),
    averages: (period, timeZone) => scores.averages(period, timeZone),
  };
}
