import { z } from 'zod';

/** A span of time, [from, to) in ms since the epoch. */
export const periodSchema = z
  .object({ from: z.number().int().min(0), to: z.number().int().min(0) })
  .refine((p) => p.from < p.to, { message: 'the period must end after it starts' });
export type Period = z.infer<typeof periodSchema>;

/**
 * The desk's incoming calls in a period, at a glance (R1, R30). Practice calls are never counted.
 */
export const deskSummarySchema = z.object({
  incoming: z.number().int(),
  answered: z.number().int(),
  missed: z.number().int(),
  /** Answered by the end of the 3rd ring (R1). */
  answeredByRing3: z.number().int(),
  /** Mean time from the first ring to the answer; null when nothing was answered. */
  averageAnswerMs: z.number().nullable(),
  talkMs: z.number(),
});
export type DeskSummary = z.infer<typeof deskSummarySchema>;
