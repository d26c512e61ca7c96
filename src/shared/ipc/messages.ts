import { z } from 'zod';

/**
 * A message taken for an absent colleague (R7, R21): for whom, who called, how to reach them, when
 * to call back, the message word for word, urgency and the caller's mood.
 */
export const messageInputSchema = z.object({
  /** The colleague's extension (their Ringside receives it) and name. */
  toExtension: z.string().trim().regex(/^[0-9A-Za-z*#._+-]{1,64}$/, 'must be an extension'),
  toName: z.string().trim().max(100),
  callerName: z.string().trim().min(1, 'who called?').max(120),
  organization: z.string().trim().max(120),
  phone: z.string().trim().max(40),
  /** When to call back (ms since the epoch), if the caller said. */
  callBackAt: z.number().int().nullable(),
  text: z.string().trim().min(1, 'what shall I pass on?').max(4000),
  urgency: z.enum(['normal', 'urgent']),
  mood: z.enum(['calm', 'upset', 'angry']),
  /** The call it was taken on, if any. */
  callId: z.string().max(100).nullable(),
});
export type MessageInput = z.infer<typeof messageInputSchema>;

/**
 * Sent: pending until the colleague's Ringside takes it, then delivered.
 * Received: new → read → called-back → done (who changed it is kept).
 */
export const messageStatusSchema = z.enum(['pending', 'delivered', 'new', 'read', 'called-back', 'done']);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

export const storedMessageSchema = messageInputSchema.extend({
  id: z.string(),
  box: z.enum(['sent', 'received']),
  fromExtension: z.string(),
  fromName: z.string(),
  createdAt: z.number(),
  status: messageStatusSchema,
  statusBy: z.string(),
  statusAt: z.number(),
  attempts: z.number().int(),
  lastError: z.string(),
});
export type StoredMessage = z.infer<typeof storedMessageSchema>;

/** What travels in the SIP MESSAGE body (JSON), validated and sanitized on arrival. */
export const MESSAGE_CONTENT_TYPE = 'application/vnd.ringside.message+json';
export const wireMessageSchema = messageInputSchema.omit({ callId: true }).extend({
  id: z.string().regex(/^[0-9a-f-]{36}$/),
  fromExtension: z.string().max(64),
  fromName: z.string().max(100),
  createdAt: z.number().int(),
});
export type WireMessage = z.infer<typeof wireMessageSchema>;
