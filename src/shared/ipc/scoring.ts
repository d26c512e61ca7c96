import { z } from 'zod';
import { callSignalsSchema } from '../scoring/call-signals.ts';
import { itemAnswerSchema, scorecardSchema } from '../scoring/scorecard.ts';
import { periodSchema } from './stats.ts';

/** A comment pinned to a moment of a call's recording. */
export const scoreCommentSchema = z.object({
  recordingId: z.string().max(100).nullable(),
  atMs: z.number().int().min(0).max(24 * 3600_000),
  text: z.string().trim().min(1).max(1000),
});
export type ScoreComment = z.infer<typeof scoreCommentSchema>;

/** A supervisor's scoring of one call. */
export const scoreInputSchema = z.object({
  callId: z.string().max(100),
  answers: z.record(z.string().max(40), itemAnswerSchema),
  summary: z.string().trim().max(2000),
  comments: z.array(scoreCommentSchema).max(100),
});
export type ScoreInput = z.infer<typeof scoreInputSchema>;

export const callScoreSchema = z.object({
  callId: z.string(),
  agent: z.string(),
  /** The scorecard as it was when the call was scored. */
  scorecard: scorecardSchema,
  answers: z.record(z.string(), itemAnswerSchema),
  summary: z.string(),
  comments: z.array(scoreCommentSchema),
  points: z.number().int(),
  maxPoints: z.number().int(),
  percent: z.number().int().nullable(),
  failedCritical: z.boolean(),
  scoredBy: z.string(),
  scoredAt: z.number(),
});
export type CallScore = z.infer<typeof callScoreSchema>;

/** What the scoring screen needs for one call: its facts, its score if any, and the card to score with. */
export const callScoringViewSchema = z.object({
  callId: z.string(),
  agent: z.string(),
  remote: z.string(),
  at: z.number(),
  /** A rehearsal: scored for the trainee's feedback, never counted in averages or statistics. */
  practice: z.boolean(),
  signals: callSignalsSchema,
  score: callScoreSchema.nullable(),
  /** The office's current scorecard (a new score uses it; an existing one keeps its own). */
  scorecard: scorecardSchema,
});
export type CallScoringView = z.infer<typeof callScoringViewSchema>;

/** A recorded call in the supervisor's list, with its score once scored. */
export const scoringRowSchema = z.object({
  callId: z.string(),
  at: z.number(),
  agent: z.string(),
  remote: z.string(),
  durationMs: z.number().nullable(),
  percent: z.number().int().nullable(),
  failedCritical: z.boolean(),
  scored: z.boolean(),
  comments: z.number().int(),
  practice: z.boolean(),
});
export type ScoringRow = z.infer<typeof scoringRowSchema>;

export const scoringQuerySchema = z.object({
  agent: z.string().max(200).nullable(),
  scored: z.enum(['all', 'scored', 'unscored']),
  /** Practice calls are listed only when asked for, so a supervisor can find a trainee's rehearsal. */
  includePractice: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(100),
});

export const scoreAveragesQuerySchema = z.object({ period: periodSchema, timeZone: z.string().min(1).max(64) });

/** Per agent: how many calls were scored in the period, their mean score, and how many failed on a serious error; by week for the trend. */
export const scoreAveragesSchema = z.object({
  agents: z.array(z.object({ agent: z.string(), scored: z.number().int(), averagePercent: z.number().nullable(), failed: z.number().int() })),
  weeks: z.array(z.object({ weekStart: z.number(), agent: z.string(), scored: z.number().int(), averagePercent: z.number().nullable() })),
});
export type ScoreAverages = z.infer<typeof scoreAveragesSchema>;
