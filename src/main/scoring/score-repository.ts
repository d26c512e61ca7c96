import type { Kysely } from 'kysely';
import { z } from 'zod';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { CallScore, ScoreAverages, ScoringRow } from '../../shared/ipc/scoring.ts';
import type { Period } from '../../shared/ipc/stats.ts';
import { itemAnswerSchema, scorecardSchema, type Scorecard } from '../../shared/scoring/scorecard.ts';
import { parseJsonAs } from '../../shared/validation/parse-json.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { scoreAverages } from './score-averages.ts';

/** The office has one scorecard of its own; until an admin saves it, the shipped one stands. */
const OFFICE_CARD = 'office';

const answersSchema = z.record(z.string(), itemAnswerSchema);

/** A call as the scoring screen names it. */
export interface ScoredCall {
  agent: string;
  remote: string;
  at: number;
  practice: boolean;
}

/** What the history says about a call, for the signals shown beside its score. */
export interface CallFacts {
  direction: 'inbound' | 'outbound';
  status: 'answered' | 'missed' | 'rejected' | 'failed' | 'in-progress';
  rings: number;
  holdMs: number;
  nextStepAt: number | null;
  nextStepWhat: string;
  endedBy: 'caller' | 'agent' | 'system' | null;
  scriptId: string | null;
  furthestStage: string | null;
  transfers: number;
}

export interface ScoreQuery {
  agent: string | null;
  scored: 'all' | 'scored' | 'unscored';
  includePractice: boolean;
  limit: number;
}

/** The office's scorecard, scores and comments as the scoring rules read them (office data). */
export interface ScoreReader {
  /** The office's own scorecard; null while the shipped one stands. */
  officeCard(): Promise<Scorecard | null>;
  call(callId: string): Promise<ScoredCall | null>;
  callFacts(callId: string): Promise<CallFacts | null>;
  /** The call's score with its comments; null when not scored. */
  score(callId: string): Promise<CallScore | null>;
  /** Recorded calls, newest first, with their scores; practice calls only when asked for. */
  rows(query: ScoreQuery): Promise<ScoringRow[]>;
  averages(period: Period, timeZone: string): Promise<ScoreAverages>;
}

export interface ScoreWriter {
  saveOfficeCard(card: Scorecard, actor: string, at: number): Promise<void>;
  removeOfficeCard(): Promise<void>;
  /** The score and its comments, replacing any earlier ones of the call, in one transaction. */
  saveScore(score: CallScore): Promise<void>;
}

export type ScoreRepository = ScoreReader & ScoreWriter;

export function createScoreRepository(deps: { db: Kysely<DatabaseSchema>; newId(): string }): ScoreRepository {
  const { db } = deps;
  return {
    async officeCard() {
      const row = await db.selectFrom('scorecards').select('body').where('id', '=', OFFICE_CARD).executeTakeFirst();
      return row ? parseJsonAs(scorecardSchema, row.body) : null;
    },

    async call(callId) {
      const call = await db.selectFrom('calls').select(['agent', 'remote_display_name', 'remote_number', 'invite_at', 'practice']).where('id', '=', callId).executeTakeFirst();
      return call ? { agent: call.agent, remote: call.remote_display_name || call.remote_number, at: Number(call.invite_at), practice: call.practice === 1 } : null;
    },

    async callFacts(callId) {
      const call = await db
        .selectFrom('calls')
        .leftJoin('call_progress', 'call_progress.call_id', 'calls.id')
        .select(['calls.direction', 'calls.status', 'calls.rings', 'calls.hold_ms', 'calls.next_step_at', 'calls.next_step_what', 'calls.ended_by', 'call_progress.script_id', 'call_progress.furthest_stage'])
        .where('calls.id', '=', callId)
        .executeTakeFirst();
      if (!call) return null;
      const transfers = await db.selectFrom('transfers').select((eb) => eb.fn.countAll<number>().as('n')).where('call_id', '=', callId).executeTakeFirstOrThrow();
      return {
        direction: call.direction,
        status: call.status,
        rings: call.rings,
        holdMs: Number(call.hold_ms),
        nextStepAt: call.next_step_at === null ? null : Number(call.next_step_at),
        nextStepWhat: call.next_step_what,
        endedBy: call.ended_by,
        scriptId: call.script_id,
        furthestStage: call.furthest_stage,
        transfers: Number(transfers.n),
      };
    },

    async score(callId) {
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

    async saveOfficeCard(card, actor, at) {
      const body = JSON.stringify(card);
      await db
        .insertInto('scorecards')
        .values({ id: OFFICE_CARD, body, updated_at: at, updated_by: actor })
        .onConflict((oc) => oc.column('id').doUpdateSet({ body, updated_at: at, updated_by: actor }))
        .execute();
    },

    async removeOfficeCard() {
      await db.deleteFrom('scorecards').where('id', '=', OFFICE_CARD).execute();
    },

    async saveScore(score) {
      const values = {
        agent: score.agent,
        scorecard: JSON.stringify(score.scorecard),
        answers: JSON.stringify(score.answers),
        summary: score.summary,
        points: score.points,
        max_points: score.maxPoints,
        percent: score.percent,
        failed_critical: score.failedCritical ? 1 : 0,
        scored_by: score.scoredBy,
        scored_at: score.scoredAt,
      };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('call_scores')
          .values({ call_id: score.callId, ...values })
          .onConflict((oc) => oc.column('call_id').doUpdateSet(values))
          .execute();
        await trx.deleteFrom('score_comments').where('call_id', '=', score.callId).execute();
        for (const comment of score.comments) {
          await trx.insertInto('score_comments').values({ id: deps.newId(), call_id: score.callId, recording_id: comment.recordingId, at_ms: comment.atMs, text: comment.text }).execute();
        }
      });
    },
  };
}
