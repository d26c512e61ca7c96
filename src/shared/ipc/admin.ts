import { z } from 'zod';

/** Digits only, so it can be typed on any keyboard layout; short enough to remember. */
export const adminPinSchema = z.string().regex(/^\d{4,12}$/, 'The admin PIN is 4 to 12 digits.');

export const adminStatusSchema = z.object({
  /** No PIN yet: the screen says how the first one is set (the set-up guide or the command line). */
  pinSet: z.boolean(),
  /** A new desk, never used nor set up: its set-up guide may set the first PIN (decision 0016). */
  firstPinOpen: z.boolean(),
  /** This window entered the PIN and it has not timed out. */
  unlocked: z.boolean(),
});
export type AdminStatus = z.infer<typeof adminStatusSchema>;

export const auditActionSchema = z.enum(['admin-pin-set', 'admin-pin-changed', 'admin-settings-changed', 'export', 'retention-delete', 'script-saved', 'script-deleted', 'scorecard-saved', 'contact-deleted']);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  actor: z.string(),
  action: auditActionSchema,
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
