import { z } from 'zod';
import { sanitizeDisplayName } from '../text/sanitize-display-name.ts';
import { sanitizeMultiline } from '../text/sanitize-multiline.ts';

/** The SIP header that carries a warm transfer's hand-off note on the consult INVITE. */
export const HANDOFF_HEADER = 'X-Ringside-Handoff';
/** Encoded size limit: well inside what proxies pass in one header. */
export const HANDOFF_MAX_ENCODED = 3000;

/**
 * What the colleague reads before saying hello (R20): who is calling, from where, why, what was
 * already discussed, and how many times the caller has been transferred.
 */
export const handoffNoteSchema = z.object({
  /** Who passes the call on (the transferring agent). */
  from: z.string().max(100),
  callerName: z.string().max(120),
  organization: z.string().max(120),
  callerNumber: z.string().max(40),
  reason: z.string().max(400),
  discussed: z.string().max(1200),
  /** Transfers of the call including this one. */
  transfers: z.number().int().min(0).max(20),
});
export type HandoffNote = z.infer<typeof handoffNoteSchema>;

const clean = (text: string, max: number) => sanitizeDisplayName(text, max);

/** Text only, sane lengths: applied before sending and again on arrival. */
export function sanitizeHandoffNote(note: HandoffNote): HandoffNote {
  return {
    from: clean(note.from, 100),
    callerName: clean(note.callerName, 120),
    organization: clean(note.organization, 120),
    callerNumber: clean(note.callerNumber, 40).replace(/[^0-9+*#]/g, ''),
    reason: sanitizeMultiline(note.reason, 400),
    discussed: sanitizeMultiline(note.discussed, 1200),
    transfers: note.transfers,
  };
}

/** base64url of the UTF-8 JSON: a header value with no CR/LF, quotes or commas to escape. */
export function encodeHandoffNote(note: HandoffNote): string {
  const bytes = new TextEncoder().encode(JSON.stringify(sanitizeHandoffNote(note)));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const encoded = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  if (encoded.length > HANDOFF_MAX_ENCODED) throw new Error('The hand-off note is too long: shorten what was discussed.');
  return encoded;
}

/** The note from a header value, or null for anything that is not a valid note (never throws). */
export function decodeHandoffNote(value: string | undefined): HandoffNote | null {
  if (!value || value.length > HANDOFF_MAX_ENCODED || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const parsed = handoffNoteSchema.safeParse(JSON.parse(json));
    return parsed.success ? sanitizeHandoffNote(parsed.data) : null;
  } catch {
    return null;
  }
}
