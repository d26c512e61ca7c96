import { z } from 'zod';

/** A span of time, [from, to) in ms since the epoch. */
export const periodSchema = z
  .object({ from: z.number().int().min(0), to: z.number().int().min(0) })
  .refine((p) => p.from < p.to, { message: 'the period must end after it starts' });
export type Period = z.infer<typeof periodSchema>;


/** Speed of answer in seconds: the buckets the dashboard shows. */
export const ANSWER_SECOND_BUCKETS = [5, 10, 15, 20, 30] as const;

/**
 * The desk's statistics for a period and agent (R1, R27, R30): practice calls never count.
 * Effective calls are answered calls whose outcome shows a real conversation (not "not a target").
 */
export const deskStatsSchema = z.object({
  incoming: z.number().int(),
  answered: z.number().int(),
  missed: z.number().int(),
  /** Missed calls by the ring at which the caller gave up: index 0 is ring 1. */
  missedAtRing: z.array(z.number().int()),
  /** Answered calls by the ring they were answered on: index 0 is ring 1. */
  answeredAtRing: z.array(z.number().int()),
  /** Answered within ≤5 s, ≤10 s, ≤15 s, ≤20 s, ≤30 s, and later. */
  answeredWithinSeconds: z.array(z.number().int()),
  answeredByRing3Share: z.number().nullable(),
  /** Mean time from the first ring to the answer; null when nothing was answered. */
  averageAnswerMs: z.number().nullable(),
  talkMs: z.number(),
  holdMs: z.number(),
  transfers: z.number().int(),
  transfersPerCall: z.number().nullable(),
  funnel: z.object({ effective: z.number().int(), offers: z.number().int(), meetings: z.number().int(), deferred: z.number().int(), sold: z.number().int() }),
  /** Sold / incoming. */
  conversion: z.number().nullable(),
  bySource: z.array(z.object({ source: z.string(), incoming: z.number().int(), sold: z.number().int() })),
});
export type DeskStats = z.infer<typeof deskStatsSchema>;
