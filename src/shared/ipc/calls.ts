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
  /** The furthest stage of the script's main path reached (its id), if the call had a script. */
  furthestStage: z.string().nullable(),
  outcome: callOutcomeSchema.nullable(),
  nextStep: z.object({ at: z.number().nullable(), what: z.string(), who: z.string() }),
  wrapUpNotes: z.string(),
  /** An answered call whose wrap-up (outcome, next step) is not done yet. */
  wrapUpPending: z.boolean(),
  /** A rehearsal with the practice caller: shown, never counted in statistics. */
  practice: z.boolean(),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

/** Wrap-up after hang-up (R23): the outcome, the next step with its time and who does it, notes. */
export const wrapUpSchema = z.object({
  callId: z.string().max(100),
  outcome: callOutcomeSchema,
  nextStepAt: z.number().nullable(),
  nextStepWhat: z.string().max(500),
  nextStepWho: z.string().max(200),
  notes: z.string().max(10_000),
});
export type WrapUp = z.infer<typeof wrapUpSchema>;

export const callListQuerySchema = z.object({
  filter: z.enum(['all', 'missed']).default('all'),
  limit: z.number().int().min(1).max(500).default(100),
  /** Paging: calls that arrived before this time. */
  before: z.number().optional(),
});
export type CallListQuery = z.infer<typeof callListQuerySchema>;
