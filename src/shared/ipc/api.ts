import { z } from 'zod';
import { callListQuerySchema, callRecordSchema } from './calls.ts';
import { clientCardSchema, contactInputSchema, contactSchema, importReportSchema } from './contacts.ts';
import { mediaMethods } from './media.ts';
import { liveCallSchema, phoneSnapshotSchema, registrationStateSchema } from './phone.ts';
import { availabilitySchema, settingsPatchSchema, settingsViewSchema } from './settings.ts';

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

  'contacts.get': { params: z.object({ id: z.string() }), result: contactSchema.nullable() },
  'contacts.save': { params: contactInputSchema, result: contactSchema },
  'contacts.search': { params: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(200).default(50) }), result: z.array(contactSchema) },
  'contacts.cardForNumber': { params: z.object({ number: z.string().max(100) }), result: clientCardSchema },
  'contacts.importCsv': {
    params: z.object({ fileName: z.string().max(500), text: z.string().max(50_000_000) }),
    result: importReportSchema,
  },

  'calls.list': { params: callListQuerySchema, result: z.array(callRecordSchema) },

  /** About a second of the call's stereo recording (caller left, agent right), base64 WebM/Opus. */
  'recordings.chunk': {
    params: z.object({ callId: z.string().max(100), seq: z.number().int().nonnegative(), data: z.base64().max(4_000_000) }),
    result: empty,
  },
  /** The person paused or resumed the recording (sensitive details); main keeps the audit trail. */
  'recordings.pause': { params: z.object({ callId: z.string().max(100), paused: z.boolean() }), result: empty },
  /** The recorder stopped and its last chunk was sent. */
  'recordings.finish': { params: z.object({ callId: z.string().max(100) }), result: empty },
};
export type CoreMethods = typeof coreMethods;

/** Events the core pushes to every client. */
export const coreEvents = {
  'phone.registration': registrationStateSchema,
  /** All live calls (ringing, answering, active, and just ended), sent whenever one changes. */
  'phone.calls': z.array(liveCallSchema),
  'settings.changed': settingsViewSchema,
  /** The stored history changed (a call ended, a contact was saved): refetch what is shown. */
  'data.changed': z.object({ what: z.enum(['calls', 'contacts']) }),
  /** Something the user should read: an error that did not fit a request's answer. */
  notice: z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() }),
};
export type CoreEvents = typeof coreEvents;

/** Methods the core calls on the renderer that hosts media. */
export { mediaMethods };
export type MediaMethods = typeof mediaMethods;

/** The renderer sends no events to the core. */
export const clientEvents = {};
export type ClientEvents = typeof clientEvents;

export const APP_VERSION = '0.1.0';
