import { z } from 'zod';

/** Where a call-back task came from (R19, R22, R27). */
export const taskSourceSchema = z.enum(['message', 'wrap-up', 'missed-call', 'promise']);

export const callbackTaskSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  source: taskSourceSchema,
  /** Who to call, and the number. */
  name: z.string(),
  number: z.string(),
  dueAt: z.number(),
  /** Who calls back. */
  owner: z.string(),
  note: z.string(),
  status: z.enum(['open', 'done']),
  /** The call (or message) it came from, and the call that called back. */
  originId: z.string().nullable(),
  callbackCallId: z.string().nullable(),
  doneAt: z.number().nullable(),
});
export type CallbackTask = z.infer<typeof callbackTaskSchema>;

export const newTaskSchema = z.object({
  source: taskSourceSchema,
  name: z.string().trim().max(120),
  number: z.string().trim().regex(/^[+]?[0-9A-Za-z*#._-]{1,64}$/, 'must be a number or an extension'),
  /** Due by the lead's temperature (or the promise), or at a time the person chose. */
  due: z.union([z.object({ urgency: z.enum(['hot', 'warm', 'cold', 'promise']) }), z.object({ at: z.number().int() })]),
  owner: z.string().trim().max(100),
  note: z.string().trim().max(1000),
  originId: z.string().max(100).nullable(),
});
export type NewTask = z.infer<typeof newTaskSchema>;
