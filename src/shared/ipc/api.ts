import { z } from 'zod';
import { adminPinSchema, adminStatusSchema, auditEntrySchema } from './admin.ts';
import { callProgressSchema } from '../scripts/call-progress.ts';
import { cardFieldSchema, callScriptSchema, scriptListingSchema, scriptLocaleSchema } from '../scripts/call-script.ts';
import { callListQuerySchema, callRecordSchema, wrapUpSchema } from './calls.ts';
import { clientCardSchema, contactInputSchema, contactSchema, importReportSchema } from './contacts.ts';
import { mediaEvents, mediaMethods } from './media.ts';
import { handoffNoteSchema } from '../phone/handoff-note.ts';
import { messageInputSchema, storedMessageSchema } from './messages.ts';
import { callbackTaskSchema, newTaskSchema } from './tasks.ts';
import { colleagueInputSchema, colleagueSchema } from './colleagues.ts';
import { liveCallSchema, phoneSnapshotSchema, registrationStateSchema, transferTargetSchema } from './phone.ts';
import { refusedTrafficSchema } from './refused-traffic.ts';
import {
  exportFilterSchema,
  exportFormatSchema,
  exportPreviewSchema,
  exportProgressSchema,
  recordingInfoSchema,
  recordingPeaksSchema,
  retentionCandidateSchema,
} from './recordings.ts';
import { availabilitySchema, settingsPatchSchema, settingsViewSchema } from './settings.ts';
import { deskStatsSchema, periodSchema } from './stats.ts';
import { callScoreSchema, callScoringViewSchema, scoreAveragesQuerySchema, scoreAveragesSchema, scoreInputSchema, scoringQuerySchema, scoringRowSchema } from './scoring.ts';
import { scorecardSchema } from '../scoring/scorecard.ts';

const empty = z.object({});

/** Methods the renderer calls on the main-side core. */
export const coreMethods = {
  /** First call of every client. `media: true` makes this client the media engine for calls. */
  'session.hello': {
    params: z.object({ media: z.boolean() }),
    result: z.object({ version: z.string(), settings: settingsViewSchema, phone: phoneSnapshotSchema }),
  },
  'settings.get': { params: empty, result: settingsViewSchema },
  'settings.update': { params: settingsPatchSchema, result: settingsViewSchema },
  'settings.setPassword': { params: z.object({ password: z.string().max(500) }), result: settingsViewSchema },

  'phone.setAvailability': { params: z.object({ availability: availabilitySchema }), result: empty },
  'phone.answer': { params: z.object({ callId: z.string() }), result: empty },
  'phone.hangup': { params: z.object({ callId: z.string() }), result: empty },
  'phone.decline': { params: z.object({ callId: z.string() }), result: empty },
  'phone.reconnect': { params: empty, result: empty },
  /** Hold or resume (re-INVITE); the call's `hold` follows the SDP the other side answers with. */
  'phone.hold': { params: z.object({ callId: z.string(), on: z.boolean() }), result: empty },
  /** Keypad tones: RFC 4733 in the media, SIP INFO when the media cannot. */
  /** Takes a message for an absent colleague (R21): stored, then delivered to their Ringside (retried while offline). */
  'messages.send': { params: messageInputSchema, result: storedMessageSchema },
  'messages.list': {
    params: z.object({ box: z.enum(['sent', 'received']), limit: z.number().int().min(1).max(500).default(100) }),
    result: z.object({ messages: z.array(storedMessageSchema), unread: z.number().int() }),
  },
  /** The colleague marks a received message read, called back or done (who and when are kept). */
  'messages.setStatus': { params: z.object({ id: z.string().max(100), status: z.enum(['read', 'called-back', 'done']) }), result: empty },
  /** The colleagues directory (R20) with each one's status. */
  'colleagues.list': { params: empty, result: z.array(colleagueSchema) },
  'colleagues.save': { params: colleagueInputSchema, result: colleagueSchema },
  'colleagues.remove': { params: z.object({ id: z.string().max(100) }), result: empty },
  /** Call-back tasks (R19, R22, R27): open ones, the most pressing first. */
  'tasks.open': { params: empty, result: z.array(callbackTaskSchema) },
  /** Open tasks whose time has come by main's clock: what a window that has just connected reminds of (later ones come as `tasks.due`). */
  'tasks.dueNow': { params: empty, result: z.array(callbackTaskSchema) },
  'tasks.create': { params: newTaskSchema, result: callbackTaskSchema },
  /** One click: calls the number back and links the new call to the task. */
  'tasks.callBack': { params: z.object({ taskId: z.string().max(100) }), result: z.object({ callId: z.string() }) },
  'tasks.complete': { params: z.object({ taskId: z.string().max(100) }), result: empty },
  /** An outgoing call to an extension or number; its progress arrives as `phone.calls`. */
  'phone.dial': { params: z.object({ target: transferTargetSchema }), result: z.object({ callId: z.string() }) },
  /** Blind transfer (REFER) to an extension or number; answers with what the far end reported. */
  'phone.blindTransfer': {
    params: z.object({ callId: z.string(), target: transferTargetSchema }),
    result: z.object({ result: z.enum(['completed', 'failed', 'declined', 'cancelled']) }),
  },
  /** Warm transfer: the caller goes on hold and this desk calls the colleague, the note travelling with the call. */
  'phone.consult': {
    params: z.object({ callId: z.string(), target: transferTargetSchema, note: handoffNoteSchema.omit({ transfers: true }) }),
    result: z.object({ consultCallId: z.string() }),
  },
  /** The colleague agreed: the caller takes this desk's place in the consult call. */
  'phone.completeTransfer': { params: z.object({ callId: z.string() }), result: z.object({ result: z.enum(['completed', 'failed', 'declined', 'cancelled']) }) },
  /** Back to the caller: the consult call ends and the caller comes off hold. */
  'phone.cancelTransfer': { params: z.object({ callId: z.string() }), result: empty },
  'phone.dtmf': { params: z.object({ callId: z.string(), tones: z.string().regex(/^[0-9A-D#*]{1,32}$/) }), result: z.object({ via: z.enum(['media', 'info']) }) },

  'contacts.get': { params: z.object({ id: z.string() }), result: contactSchema.nullable() },
  'contacts.save': { params: contactInputSchema, result: contactSchema },
  'contacts.search': { params: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(200).default(50) }), result: z.array(contactSchema) },
  /** An answer the call script captures into the caller's card (R28), saved as it is typed. */
  'contacts.capture': { params: z.object({ contactId: z.string().max(100), field: cardFieldSchema, value: z.string().max(2000) }), result: contactSchema.nullable() },
  /**
   * A new caller's card as it is typed during the call (the form's fields, and the script's other
   * answers): created by the first save and linked to the call, updated by the next, committed at once.
   */
  'contacts.saveCallCard': {
    params: z.object({ callId: z.string().max(100), contact: contactInputSchema.omit({ id: true }), captured: z.partialRecord(cardFieldSchema, z.string().max(2000)) }),
    result: contactSchema,
  },
  'contacts.cardForNumber': { params: z.object({ number: z.string().max(100) }), result: clientCardSchema },
  /** Deletes a contact (audited); its calls stay in the history under the caller's number. */
  'contacts.delete': { params: z.object({ id: z.string().max(100) }), result: z.object({ callsKept: z.number().int().nonnegative() }) },
  'contacts.importCsv': {
    params: z.object({ fileName: z.string().max(500), text: z.string().max(50_000_000) }),
    result: importReportSchema,
  },

  'calls.list': { params: callListQuerySchema, result: z.array(callRecordSchema) },
  'calls.wrapUp': { params: wrapUpSchema, result: empty },

  /** About a second of the call's stereo recording (caller left, agent right), base64 WebM/Opus. */
  'recordings.chunk': {
    params: z.object({ callId: z.string().max(100), seq: z.number().int().nonnegative(), data: z.base64().max(4_000_000), startedAt: z.number().optional() }),
    result: empty,
  },
  /** The person paused or resumed the recording (sensitive details); main keeps the audit trail. */
  'recordings.pause': { params: z.object({ callId: z.string().max(100), paused: z.boolean() }), result: empty },
  /**
   * The window's recorder stopped (the call ended, Stop was pressed, or a chunk failed) and its
   * last chunk was sent: main finishes the recording. A call that ended without it is finished after a grace.
   */
  'recordings.lastChunk': { params: z.object({ callId: z.string().max(100) }), result: empty },
  /**
   * The consent announcement was played to the caller before recording began (or could not be):
   * main stores what was announced and the beep interval with the call.
   */
  'recordings.consent': { params: z.object({ callId: z.string().max(100), played: z.boolean() }), result: empty },
  /** A call's recordings for the player, with their paused spans. */
  'recordings.forCall': { params: z.object({ callId: z.string().max(100) }), result: z.array(recordingInfoSchema) },
  /** The waveform of a finished recording (computed once, then cached beside it). */
  'recordings.peaks': { params: z.object({ recordingId: z.string().max(100) }), result: recordingPeaksSchema },

  /** Admin-only actions need the admin PIN, entered per window; the first one comes from the set-up guide or the command line. */
  'admin.status': { params: empty, result: adminStatusSchema },
  /** Changes the PIN, given the current one (never sets the first: decision 0016). */
  'admin.setPin': { params: z.object({ pin: adminPinSchema, currentPin: z.string().max(20) }), result: adminStatusSchema },
  /** The set-up guide sets the first admin PIN: only on a new desk, never used nor set up (decision 0016). */
  'setup.setFirstAdminPin': { params: z.object({ pin: adminPinSchema }), result: adminStatusSchema },
  'admin.unlock': { params: z.object({ pin: z.string().max(20) }), result: adminStatusSchema },
  'admin.lock': { params: empty, result: adminStatusSchema },
  'admin.auditLog': { params: z.object({ limit: z.number().int().min(1).max(500).default(50) }), result: z.array(auditEntrySchema) },
  /** INVITEs refused before they rang (busy, flood, gone), counted apart from calls, over the last `days` days. */
  'admin.refusedTraffic': { params: z.object({ days: z.number().int().min(1).max(366).default(7) }), result: refusedTrafficSchema },
  /** The custom consent announcement chosen by the admin (audio file, base64). */
  'admin.setAnnouncement': { params: z.object({ fileName: z.string().min(1).max(200), data: z.base64().max(14_000_000) }), result: settingsViewSchema },

  /** The scripts this Ringside has (shipped ones, each in English, Russian and Greek). */
  'scripts.list': { params: empty, result: z.array(scriptListingSchema) },
  'scripts.get': { params: z.object({ id: z.string().max(64), locale: scriptLocaleSchema }), result: callScriptSchema.nullable() },
  /** The script panel's state of a call, saved with every change (never lost on hang-up or crash). */
  'scripts.saveProgress': { params: z.object({ callId: z.string().max(100), progress: callProgressSchema }), result: empty },
  'scripts.progress': { params: z.object({ callId: z.string().max(100) }), result: callProgressSchema.nullable() },
  /** Admin: saves a script from the editor (shipped scripts are copied under a new id first). */
  'scripts.save': { params: z.object({ script: callScriptSchema }), result: scriptListingSchema },
  /** Admin: imports a script file; one that does not validate changes nothing (error names the place). */
  'scripts.import': { params: z.object({ json: z.string().max(2_000_000) }), result: scriptListingSchema },
  'scripts.delete': { params: z.object({ id: z.string().max(64), locale: scriptLocaleSchema }), result: empty },

  /**
   * Rings this desk with a simulated caller who follows the desk's script (no PBX needed): the
   * call is recorded and marked practice, so statistics leave it out.
   */
  'practice.start': { params: empty, result: z.object({ scenarioId: z.string(), locale: scriptLocaleSchema, callerName: z.string() }) },

  /** Whose calls are on this machine (for the statistics' agent choice). */
  'stats.agents': { params: empty, result: z.array(z.string()) },
  /** The desk's statistics for a period, for one agent (their SIP address) or all; practice calls are left out. */
  'stats.desk': { params: z.object({ period: periodSchema, agent: z.string().max(200).nullable() }), result: deskStatsSchema },

  /** The office's scorecard (the shipped one until an admin saves their own). */
  'scoring.card': { params: empty, result: z.object({ card: scorecardSchema, shipped: z.boolean() }) },
  /** Admin: the office's own scorecard, or back to the shipped one. */
  'scoring.saveCard': { params: z.object({ card: scorecardSchema }), result: empty },
  'scoring.resetCard': { params: empty, result: empty },
  /** Supervisor (admin PIN): recorded calls to score, and scored ones. */
  'scoring.calls': { params: scoringQuerySchema, result: z.array(scoringRowSchema) },
  /** This desk's own scored calls: what an agent sees without the PIN. */
  'scoring.mine': { params: z.object({ limit: z.number().int().min(1).max(500).default(100) }), result: z.array(scoringRowSchema) },
  /** One call's facts, score and comments: any call for a supervisor, the desk's own calls for the agent. */
  'scoring.view': { params: z.object({ callId: z.string().max(100) }), result: callScoringViewSchema },
  /** Supervisor: scores a call (again) with comments pinned to moments of its recording. */
  'scoring.save': { params: scoreInputSchema, result: callScoreSchema },
  /** Supervisor: per-agent averages and weekly trend. */
  'scoring.averages': { params: scoreAveragesQuerySchema, result: scoreAveragesSchema },

  /** Who took calls (for the export's agent filter). */
  'export.agents': { params: empty, result: z.array(z.string()) },
  'export.preview': { params: z.object({ filter: exportFilterSchema }), result: exportPreviewSchema },
  /** Starts an export in the background; progress arrives as `export.progress` events. */
  'export.start': { params: z.object({ filter: exportFilterSchema, format: exportFormatSchema }), result: z.object({ exportId: z.string() }) },
  'export.cancel': { params: z.object({ exportId: z.string().max(100) }), result: empty },

  /** What retention would delete now: finished recordings older than `days`. */
  'retention.preview': { params: z.object({ days: z.number().int().min(1).max(3650) }), result: z.array(retentionCandidateSchema) },
  /** Deletes the listed recordings (only those, and only if still older than `days`). */
  'retention.delete': {
    params: z.object({ days: z.number().int().min(1).max(3650), recordingIds: z.array(z.string().max(100)).max(1_000_000) }),
    result: z.object({ deleted: z.number().int(), bytes: z.number() }),
  },
};
export type CoreMethods = typeof coreMethods;

/** Events the core pushes to every client. */
export const coreEvents = {
  'phone.registration': registrationStateSchema,
  /** All live calls (ringing, answering, active, and just ended), sent whenever one changes. */
  'phone.calls': z.array(liveCallSchema),
  'settings.changed': settingsViewSchema,
  /** The stored history changed (a call ended, a contact was saved): refetch what is shown. */
  'data.changed': z.object({ what: z.enum(['calls', 'contacts', 'recordings', 'scripts', 'messages', 'tasks', 'colleagues', 'scores']) }),
  /** A message for this desk arrived: the window shows a desktop notification. */
  'messages.received': z.object({ id: z.string(), fromName: z.string(), callerName: z.string(), urgency: z.enum(['normal', 'urgent']) }),
  /** An answered call has just ended (R23): main decides that its wrap-up is due, the window shows the form. */
  'calls.wrapUpDue': z.object({ callId: z.string() }),
  /** A call-back task's time has come by main's clock (R27): the window reminds the person, once per task. */
  'tasks.due': callbackTaskSchema,
  /**
   * Something the user should read: an error that did not fit a request's answer. With a code, the
   * window words it in its language (errors.<code>); `message` is the English words.
   */
  notice: z.object({ level: z.enum(['info', 'warning', 'error']), code: z.string().max(100).optional(), message: z.string() }),
  'export.progress': exportProgressSchema,
};
export type CoreEvents = typeof coreEvents;

/** Methods the core calls on the renderer that hosts media. */
export { mediaMethods };
export type MediaMethods = typeof mediaMethods;

/** Events a window sends to the core: what the media host notices about calls' media. */
export const clientEvents = mediaEvents;
export type ClientEvents = typeof clientEvents;

export const APP_VERSION = '0.1.0';
