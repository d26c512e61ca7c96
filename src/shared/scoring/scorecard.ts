import { z } from 'zod';

/**
 * Facts Ringside already knows about a call that answer a scorecard item, or suggest the answer
 * (the supervisor can change it):
 * - `answeredOnRing2or3`: picked up on the 2nd–3rd ring (R1);
 * - `holdUnder60s`: no hold longer than a minute (R18, R19); not applicable without hold;
 * - `atMostTwoTransfers`: no "ping-pong" (R20); not applicable without transfers;
 * - `nextStepSet`: the wrap-up has a next step (R23);
 * - `callerHungUpFirst`: the agent let the caller hang up first (R26).
 */
export const scoreSignalSchema = z.enum(['answeredOnRing2or3', 'holdUnder60s', 'atMostTwoTransfers', 'nextStepSet', 'callerHungUpFirst']);
export type ScoreSignal = z.infer<typeof scoreSignalSchema>;

export const scorecardItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
  /** The practice it checks (R1–R34), shown beside it. */
  rule: z.string().regex(/^(R\d{1,2}(, ?R\d{1,2})*)?$/, 'like R2 or R18, R19'),
  text: z.string().trim().min(1).max(300),
  points: z.number().int().min(0).max(10),
  /** A serious error (R32): answered "no", it fails the call whatever the points. */
  critical: z.boolean(),
  signal: scoreSignalSchema.nullable(),
});
export type ScorecardItem = z.infer<typeof scorecardItemSchema>;

export const scorecardSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    items: z.array(scorecardItemSchema).min(1).max(40),
  })
  .refine((card) => new Set(card.items.map((i) => i.id)).size === card.items.length, { message: 'each item needs its own id' });
export type Scorecard = z.infer<typeof scorecardSchema>;

/** Met, not met, or not applicable to this call. */
export const itemAnswerSchema = z.enum(['yes', 'no', 'na']);
export type ItemAnswer = z.infer<typeof itemAnswerSchema>;

export interface ScoreResult {
  points: number;
  maxPoints: number;
  /** 0–100; 0 when a critical item failed; null when nothing applicable was answered. */
  percent: number | null;
  failedCritical: boolean;
  /** Items not answered yet. */
  unanswered: number;
}

/** The score of a call: points of met items over points of applicable ones; a failed critical item fails the call. */
export function scoreOf(card: Scorecard, answers: Readonly<Record<string, ItemAnswer>>): ScoreResult {
  let points = 0;
  let maxPoints = 0;
  let failedCritical = false;
  let unanswered = 0;
  for (const item of card.items) {
    const answer = answers[item.id];
    switch (answer) {
      case undefined:
        unanswered++;
        break;
      case 'na':
        break;
      case 'yes':
        points += item.points;
        maxPoints += item.points;
        break;
      case 'no':
        maxPoints += item.points;
        failedCritical ||= item.critical;
        break;
    }
  }
  const percent = failedCritical ? 0 : maxPoints === 0 ? null : Math.round((100 * points) / maxPoints);
  return { points, maxPoints, percent, failedCritical, unanswered };
}
