import { z } from 'zod';

/** What a colleague's Ringside says about them; offline when it has not said anything for a while. */
export const presenceSchema = z.enum(['available', 'away', 'on-call', 'offline', 'unknown']);
export type Presence = z.infer<typeof presenceSchema>;

/**
 * A colleague's line as the phone system reports it (busy lamp field: SUBSCRIBE to Event: dialog).
 * Null where the phone system does not offer it; the colleague's own Ringside status then stands alone.
 */
export const lineStateSchema = z.enum(['idle', 'ringing', 'busy']);
export type LineState = z.infer<typeof lineStateSchema>;

/** "Who is responsible for what" (R20): the office's people a call can go to. */
export const colleagueInputSchema = z.object({
  id: z.string().max(100).nullable(),
  name: z.string().trim().min(1, 'a name').max(100),
  extension: z.string().trim().regex(/^[0-9A-Za-z*#._+-]{1,64}$/, 'must be an extension'),
  role: z.string().trim().max(100),
  /** What they handle: the person to transfer to for this (R20). */
  handles: z.string().trim().max(500),
});
export type ColleagueInput = z.infer<typeof colleagueInputSchema>;

export const colleagueSchema = colleagueInputSchema.extend({
  id: z.string(),
  presence: presenceSchema,
  presenceAt: z.number().nullable(),
  line: lineStateSchema.nullable(),
});
export type Colleague = z.infer<typeof colleagueSchema>;

/** A Ringside's status as it tells its colleagues (SIP MESSAGE body). */
export const PRESENCE_CONTENT_TYPE = 'application/vnd.ringside.presence+json';
export const presenceBeaconSchema = z.object({ extension: z.string().max(64), status: z.enum(['available', 'away', 'on-call', 'offline']) });
export type PresenceBeacon = z.infer<typeof presenceBeaconSchema>;
