import { z } from 'zod';

/**
 * Why an INVITE was refused before it rang the desk. Such requests are not calls: nobody could have
 * answered them, so they stay out of the call history and the statistics and are only counted.
 */
export const refusalReasonSchema = z.enum([
  /** Every line was taken (486 Busy Here). */
  'busy',
  /** Its source sent INVITEs faster than any caller would (486 with Retry-After). */
  'rate-limited',
  /** Its audio offer was malformed or had no audio to answer (488 Not Acceptable Here). */
  'unusable-offer',
  /** Cancelled or ended before the desk could ring it. */
  'gone-before-ringing',
]);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

export const refusedTrafficSchema = z.object({
  /** Counted from this time (ms since the epoch). */
  since: z.number(),
  reasons: z.array(
    z.object({
      reason: refusalReasonSchema,
      count: z.number().int(),
      lastAt: z.number(),
      /** The last source refused for this reason (host:port from its Via). */
      lastSource: z.string(),
    }),
  ),
});
export type RefusedTraffic = z.infer<typeof refusedTrafficSchema>;
