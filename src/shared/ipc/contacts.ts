import { z } from 'zod';

export const contactCategorySchema = z.enum(['A', 'B', 'C']);

export const contactPhoneSchema = z.object({
  /** E.164 (+302101234567) or a short internal extension kept as typed. */
  number: z.string().min(1).max(40),
  label: z.string().max(40),
});
export type ContactPhone = z.infer<typeof contactPhoneSchema>;

export const leadTemperatureSchema = z.enum(['hot', 'warm', 'cold']);

/** What the call script captured about the client (R8, R12, R28); the contact form leaves it alone. */
export const contactProfileSchema = z.object({
  source: z.string().max(500),
  values: z.string().max(500),
  budget: z.string().max(500),
  orderVolume: z.string().max(500),
  orderFrequency: z.string().max(500),
  decides: z.string().max(500),
  otherDeciders: z.string().max(500),
  doesNotWant: z.string().max(500),
  solvedBefore: z.string().max(500),
  temperature: leadTemperatureSchema.nullable(),
});
export type ContactProfile = z.infer<typeof contactProfileSchema>;

export const emptyContactProfile: ContactProfile = {
  source: '', values: '', budget: '', orderVolume: '', orderFrequency: '', decides: '', otherDeciders: '', doesNotWant: '', solvedBefore: '', temperature: null,
};

export const contactSchema = z.object({
  id: z.string(),
  name: z.string().max(200),
  organization: z.string().max(200),
  position: z.string().max(200),
  email: z.string().max(200),
  category: contactCategorySchema.nullable(),
  notes: z.string().max(10_000),
  phones: z.array(contactPhoneSchema).max(20),
  profile: contactProfileSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Contact = z.infer<typeof contactSchema>;

/** What the UI sends to create (no id) or update (id) a contact; phones are normalized in main. */
export const contactInputSchema = contactSchema
  .omit({ id: true, createdAt: true, updatedAt: true, phones: true, profile: true })
  .extend({
    id: z.string().optional(),
    phones: z.array(z.object({ number: z.string().min(1).max(40), label: z.string().max(40) })).max(20),
  });
export type ContactInput = z.infer<typeof contactInputSchema>;

export const callSummarySchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  status: z.enum(['answered', 'missed', 'rejected', 'failed', 'in-progress']),
  inviteAt: z.number(),
  durationMs: z.number().nullable(),
  /** A finished recording of this call can be played. */
  recorded: z.boolean(),
});
export type CallSummary = z.infer<typeof callSummarySchema>;

/**
 * The card shown while it rings. `match` says how the caller was identified (R34: caller ID can be
 * spoofed, so a number match is never proof of identity).
 */
export const clientCardSchema = z.object({
  match: z.enum(['number', 'none']),
  /** The caller's number as normalized (E.164), or as received when it cannot be normalized. */
  number: z.string(),
  contact: contactSchema.nullable(),
  recentCalls: z.array(callSummarySchema).max(5),
});
export type ClientCard = z.infer<typeof clientCardSchema>;

export const importReportSchema = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  /** Each refused line: why, as a code and its details (for the window's language) and in English (the command line). */
  rejected: z.array(
    z.object({
      line: z.number().int(),
      code: z.enum(['no-name-or-phone', 'bad-email', 'bad-category', 'bad-phone', 'number-twice', 'numbers-of-several']),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      reason: z.string(),
    }),
  ),
});
export type ImportReport = z.infer<typeof importReportSchema>;
