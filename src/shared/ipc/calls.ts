import { z } from 'zod';

export const callDirectionSchema = z.enum(['inbound', 'outbound']);
export const callStatusSchema = z.enum(['answered', 'missed', 'rejected', 'failed', 'in-progress']);
export const endedBySchema = z.enum(['caller', 'agent', 'system']);
/** The wrap-up result of a call (filled in after hang-up; feeds statistics and export filters). */
export const callOutcomeSchema = z.enum(['information', 'offer-sent', 'meeting-booked', 'deferred', 'sold', 'not-a-target', 'lost']);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

/** One stored call, as the history shows it. Times are ms since the epoch. */
export const callRecordSchema = z.object({
  id: z.string(),
  direction: callDirectionSchema,
  status: callStatusSchema,
  remoteNumber: z.string(),
  remoteE164: z.string().nullable(),
  remoteDisplayName: z.string(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  inviteAt: z.number(),
  rings: z.number().int(),
  answeredAt: z.number().nullable(),
  /** answeredAt − inviteAt */
  answerMs: z.number().nullable(),
  autoAnswered: z.boolean(),
  endedAt: z.number().nullable(),
  endedBy: endedBySchema.nullable(),
  endReason: z.string().nullable(),
  /** Talk time: endedAt − answeredAt. */
  durationMs: z.number().nullable(),
  /** The call's recordings: how many, and whether one was recovered after a crash. */
  recordings: z.object({ count: z.number().int(), recovered: z.boolean() }),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

export const callListQuerySchema = z.object({
  filter: z.enum(['all', 'missed']).default('all'),
  limit: z.number().int().min(1).max(500).default(100),
  /** Paging: calls that arrived before this time. */
  before: z.number().optional(),
});
export type CallListQuery = z.infer<typeof callListQuerySchema>;
