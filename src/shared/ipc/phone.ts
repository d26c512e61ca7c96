import { z } from 'zod';
import { registrationProblemSchema } from '../phone/registration-problem.ts';
import { callProblemSchema } from '../phone/call-problem.ts';
import { handoffNoteSchema } from '../phone/handoff-note.ts';
import { holdStateSchema } from '../phone/hold-state.ts';
import { clientCardSchema } from './contacts.ts';

/**
 * Registration with the PBX.
 *
 *   unconfigured ──configure──▶ connecting ──200 OK──▶ registered
 *                                   ▲   │                  │
 *                                   │   └─error─▶ failed ◀─┘ (drop, 403, timeout)
 *                                   └──── backoff timer ───┘
 */
export const registrationStatusSchema = z.enum(['unconfigured', 'connecting', 'registered', 'failed']);
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

export const registrationStateSchema = z.object({
  status: registrationStatusSchema,
  /** What went wrong, in English (the log's words). */
  reason: z.string().nullable(),
  /** The same as a code and details, which the window words in its language. */
  problem: registrationProblemSchema.nullable(),
  /** When the next automatic attempt happens (ms since epoch), while failed. */
  retryAt: z.number().nullable(),
  attempt: z.number().int(),
  aor: z.string().nullable(),
});
export type RegistrationState = z.infer<typeof registrationStateSchema>;

/**
 * A live call.
 *
 *   ringing ──answer──▶ answering ──media up──▶ active ──BYE──▶ ended
 *      │                    │                     ▲             ▲
 *      └──CANCEL / decline / busy / failure──────┼─────────────┘
 *   dialing (outbound) ──200 OK──────────────────┘   (refused, no answer, cancelled ──▶ ended)
 */
export const callStateSchema = z.enum(['ringing', 'answering', 'dialing', 'active', 'ended']);
export type CallState = z.infer<typeof callStateSchema>;

export const endReasonSchema = z.enum([
  'caller-hung-up',
  'agent-hung-up',
  'missed',
  'declined',
  'busy',
  'answered-elsewhere',
  'failed',
  /** The window carrying the call's audio went away and none took the call back in time. */
  'media-lost',
  /** Ringside stopped (a crash, a power cut) while the call was on; closed at the next start. */
  'interrupted',
  /** Handed to a colleague (blind or warm transfer). */
  'transferred',
  /** Rang until the ring timeout or the INVITE's Expires without being answered or cancelled. */
  'no-answer-in-time',
  /** The call's media died (connection lost, no sound) with no BYE: the desk ended it. */
  'media-dead',
  /** The session timer (RFC 4028) ran out: the far end stopped refreshing, or refused the desk's refresh. */
  'session-expired',
]);
export type EndReason = z.infer<typeof endReasonSchema>;

export const liveCallSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  state: callStateSchema,
  /** Display name from the network, control characters stripped: render as text only. */
  displayName: z.string(),
  number: z.string(),
  card: clientCardSchema,
  /** The ring in progress or last completed (1-based); 0 before the first. */
  ring: z.number().int(),
  ringPhase: z.enum(['on', 'off', 'none']),
  /** The ring on whose end it will answer by itself; null when it will not. */
  autoAnswerOnRing: z.number().int().nullable(),
  /** Ringing while another call is active (call waiting). */
  waiting: z.boolean(),
  inviteAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  endedBy: z.enum(['caller', 'agent', 'system']).nullable(),
  endReason: endReasonSchema.nullable(),
  /** What went wrong with the call or its transfer, in English (the log's words). */
  error: z.string().nullable(),
  /** The same as a code the window words in its language, where there is one. */
  problem: callProblemSchema.nullable(),
  /** A rehearsal with a simulated caller (no PBX involved); excluded from statistics. */
  practice: z.boolean(),
  /** Who holds the call, from the negotiated SDP (R18). */
  hold: holdStateSchema,
  /** A hold or resume asked for and not yet answered by the other side. */
  holdPending: z.enum(['hold', 'resume']).nullable(),
  /** When this desk put the caller on hold (for the hold timer), and when it last took them back. */
  holdSince: z.number().nullable(),
  resumedAt: z.number().nullable(),
  /** Transfers of this call so far; at the second Ringside warns that a third loses most callers (R20). */
  transferCount: z.number().int(),
  /** A transfer under way, to whom. */
  transferring: z.object({ kind: z.enum(['blind', 'warm']), target: z.string() }).nullable(),
  /** This is a consult call for a warm transfer of that call (on the transferring desk). */
  consultFor: z.string().nullable(),
  /** The hand-off note: sent with this consult call, or received with it from a colleague. */
  handoff: handoffNoteSchema.nullable(),
});
export type LiveCall = z.infer<typeof liveCallSchema>;

/** An extension, a phone number or a SIP address: never spaces, CR/LF or anything else a header could carry. */
export const transferTargetSchema = z
  .string()
  .trim()
  .regex(/^(?:sips?:[A-Za-z0-9+*#._~!$&'()=;%@:-]{1,200}|[+]?[0-9A-Za-z*#._-]{1,64})$/, 'must be an extension, a number or a sip: address');

export const phoneSnapshotSchema = z.object({
  registration: registrationStateSchema,
  calls: z.array(liveCallSchema),
});
export type PhoneSnapshot = z.infer<typeof phoneSnapshotSchema>;
