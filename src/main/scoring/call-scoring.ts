import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { CallScore, CallScoringView, ScoreAverages, ScoreInput, ScoringRow } from '../../shared/ipc/scoring.ts';
import type { Period } from '../../shared/ipc/stats.ts';
import type { CallSignals } from '../../shared/scoring/call-signals.ts';
import { scorecardSchema, scoreOf, itemAnswerSchema, type Scorecard } from '../../shared/scoring/scorecard.ts';
import { parseJsonAs } from '../../shared/validation/parse-json.ts';
import { z } from 'zod';
import type { AuditLog } from '../admin/audit-log.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { scoreAverages } from './score-averages.ts';

const OFFICE_CARD = 'office';

export interface CallScoringDeps {
  db: Kysely<DatabaseSchema>;
  clock: Clock;
  audit: AuditLog;
  newId(): string;
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
  rows(query: { agent: string | null; scored: 'all' | 'scored' | 'unscored'; includePractice: boolean; limit: number }): Promise<ScoringRow[]>;
  averages(period: Period, timeZone: string): Promise<ScoreAverages>;
}

const answersSchema = z.record(z.string(), itemAnswerSchema);

/**
 * Supervisor scoring of recorded calls (R29, R32): the office's scorecard, scores, comments pinned
 * to moments, averages. A practice call is scored like any other so the trainee gets feedback on a
 * rehearsal; its score is marked practice and never enters the averages.
 */
export function createCallScoring(deps: CallScoringDeps): CallScoring {
  const { db } = deps;

  const card = async () => {
    const row = await db.selectFrom('scorecards').select('body').where('id', '=', OFFICE_CARD).executeTakeFirst();
    const stored = row ? parseJsonAs(scorecardSchema, row.body) : null;
    return stored ? { card: stored, shipped: false } : { card: deps.shippedCard(), shipped: true };
  };

  const signals = async (callId: string): Promise<CallSignals> => {
    const call = await db
      .selectFrom('calls')
      .leftJoin('call_progress', 'call_progress.call_id', 'calls.id')
      .select(['calls.direction', 'calls.status', 'calls.rings', 'calls.hold_ms', 'calls.next_step_at', 'calls.next_step_what', 'calls.ended_by', 'call_progress.script_id', 'call_progress.furthest_stage'])
      .where('calls.id', '=', callId)
      .executeTakeFirst();
    if (!call) throw new RpcError('no-such-call', 'This call is not in the history.');
    const transfers = await db.selectFrom('transfers').select((eb) => eb.fn.countAll<number>().as('n')).where('call_id', '=', callId).executeTakeFirstOrThrow();
    const furthest = call.script_id && call.furthest_stage ? ((await deps.stageTitle(call.script_id, call.furthest_stage)) ?? call.furthest_stage) : null;
    return {
      direction: call.direction,
      rings: call.direction === 'inbound' && call.status === 'answered' ? call.rings : null,
      holdMs: Number(call.hold_ms),
      transfers: Number(transfers.n),
      nextStepSet: call.next_step_at !== null || call.next_step_what.trim() !== '',
      endedBy: call.ended_by,
      furthestStage: furthest,
    };
  };

  const score = async (callId: string): Promise<CallScore | null> => {
    const row = await db.selectFrom('call_scores').selectAll().where('call_id', '=', callId).executeTakeFirst();
    if (!row) return null;
    const scorecard = parseJsonAs(scorecardSchema, row.scorecard);
    const answers = parseJsonAs(answersSchema, row.answers);
    if (!scorecard || !answers) throw new RpcError('score-unreadable', 'The score of this call cannot be read.');
    const comments = await db.selectFrom('score_comments').select(['recording_id', 'at_ms', 'text']).where('call_id', '=', callId).orderBy('at_ms').execute();
    return {
      callId,
      agent: row.agent,
      scorecard,
      answers,
      summary: row.summary,
      comments: comments.map((c) => ({ recordingId: c.recording_id, atMs: c.at_ms, text: c.text })),
      points: row.points,
      maxPoints: row.max_points,
      percent: row.percent,
      failedCritical: row.failed_critical === 1,
      scoredBy: row.scored_by,
      scoredAt: Number(row.scored_at),
    };
  };

  return {
    card,

    async saveCard(next, actor) {
      const body = JSON.stringify(next);
      const now = deps.clock.now();
      await db
        .insertInto('scorecards')
        .values({ id: OFFICE_CARD, body, updated_at: now, updated_by: actor })
        .onConflict((oc) => oc.column('id').doUpdateSet({ body, updated_at: now, updated_by: actor }))
        .execute();
      await deps.audit.record(actor, 'scorecard-saved', { name: next.name, items: next.items.length });
    },

    async resetCard(actor) {
      await db.deleteFrom('scorecards').where('id', '=', OFFICE_CARD).execute();
      await deps.audit.record(actor, 'scorecard-saved', { reset: true });
    },

    async view(callId) {
      const call = await db.selectFrom('calls').select(['agent', 'remote_display_name', 'remote_number', 'invite_at', 'practice']).where('id', '=', callId).executeTakeFirst();
      if (!call) throw new RpcError('no-such-call', 'This call is not in the history.');
      return {
        callId,
        agent: call.agent,
        remote: call.remote_display_name || call.remote_number,
        at: Number(call.invite_at),
        practice: call.practice === 1,
        signals: await signals(callId),
        score: await score(callId),
        scorecard: (await card()).card,
      };
    },

    async save(input, actor) {
      const call = await db.selectFrom('calls').select('agent').where('id', '=', input.callId).executeTakeFirst();
      if (!call) throw new RpcError('no-such-call', 'This call is not in the history.');
      // A call scored before keeps the card it was scored with; a new score takes the office's card now.
      const existing = await score(input.callId);
      const scorecard = existing?.scorecard ?? (await card()).card;
      const known = new Set(scorecard.items.map((i) => i.id));
      const unknown = Object.keys(input.answers).filter((id) => !known.has(id));
      if (unknown.length > 0) throw new RpcError('bad-score', `Not items of this scorecard: ${unknown.join(', ')}.`, { items: unknown.join(', ') });
      const result = scoreOf(scorecard, input.answers);
      const values = {
        agent: call.agent,
        scorecard: JSON.stringify(scorecard),
        answers: JSON.stringify(input.answers),
        summary: input.summary,
        points: result.points,
        max_points: result.maxPoints,
        percent: result.percent,
        failed_critical: result.failedCritical ? 1 : 0,
        scored_by: actor,
        scored_at: deps.clock.now(),
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('call_scores')
          .values({ call_id: input.callId, ...values })
          .onConflict((oc) => oc.column('call_id').doUpdateSet(values))
          .execute();
        await trx.deleteFrom('score_comments').where('call_id', '=', input.callId).execute();
        for (const comment of input.comments) {
          await trx.insertInto('score_comments').values({ id: deps.newId(), call_id: input.callId, recording_id: comment.recordingId, at_ms: comment.atMs, text: comment.text }).execute();
        }
      });
      const saved = await score(input.callId);
      if (!saved) throw new RpcError('score-not-saved', 'The score was not saved.');
      return saved;
    },

    async rows(query) {
      let q = db
        .selectFrom('calls')
        .leftJoin('call_scores', 'call_scores.call_id', 'calls.id')
        .select(['calls.id', 'calls.invite_at', 'calls.agent', 'calls.remote_display_name', 'calls.remote_number', 'calls.duration_ms', 'call_scores.percent', 'call_scores.failed_critical', 'call_scores.call_id as scored_id', 'calls.practice'])
        .select((eb) => eb.selectFrom('score_comments').whereRef('score_comments.call_id', '=', 'calls.id').select((c) => c.fn.countAll<number>().as('n')).as('comments'))
        .where((eb) => eb.exists(eb.selectFrom('recordings').select('recordings.id').whereRef('recordings.call_id', '=', 'calls.id').where('recordings.status', '!=', 'recording')))
        .orderBy('calls.invite_at', 'desc')
        .limit(query.limit);
      if (!query.includePractice) q = q.where('calls.practice', '=', 0);
      if (query.agent !== null) q = q.where('calls.agent', '=', query.agent);
      if (query.scored === 'scored') q = q.where('call_scores.call_id', 'is not', null);
      if (query.scored === 'unscored') q = q.where('call_scores.call_id', 'is', null);
      return (await q.execute()).map((r) => ({
        callId: r.id,
        at: Number(r.invite_at),
        agent: r.agent,
        remote: r.remote_display_name || r.remote_number,
        durationMs: r.duration_ms,
        percent: r.percent ?? null,
        failedCritical: r.failed_critical === 1,
        scored: r.scored_id !== null,
        comments: Number(r.comments ?? 0),
        practice: r.practice === 1,
      }));
    },

    averages: (period, timeZone) => scoreAverages(db, period, timeZone),
  };
}
