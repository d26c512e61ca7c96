import { callbackPolicySchema, defaultCallbackPolicy } from '../calls/callback-due.ts';
import { setupGuideStateSchema } from '../setup/setup-guide-state.ts';
import { z } from 'zod';

/** No CR/LF or other control characters: these strings end up in SIP headers and URIs. */
const headerSafe = (max: number) =>
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  z.string().max(max).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters or line breaks');

export const accountSettingsSchema = z.object({
  /** ws:// or wss:// URL of the PBX's SIP-over-WebSocket endpoint. */
  serverUrl: headerSafe(500).refine((s) => s === '' || /^wss?:\/\/[^\s]+$/i.test(s), 'must be a ws:// or wss:// URL'),
  /** Address of record, e.g. sip:101@pbx.example.com */
  sipUri: headerSafe(300).refine((s) => s === '' || /^sips?:[^\s@]+@[^\s]+$/i.test(s), 'must look like sip:user@host'),
  /** Digest user name; empty means the user part of sipUri. */
  authUser: headerSafe(200),
  displayName: headerSafe(100),
  /** The office CA or the PBX's own certificate (PEM), trusted alone for wss://; '' = the usual authorities. */
  pbxCertificate: z
    .string()
    .max(20_000)
    .refine((s) => s === '' || /^\s*-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----\s*$/.test(s), 'must be one PEM certificate (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)'),
});
export type AccountSettings = z.infer<typeof accountSettingsSchema>;

/** The longest a call may ring (Settings → ring timeout); sip.js's own no-answer timer is set past it. */
export const MAX_RING_TIMEOUT_S = 600;

export const ringPolicySchema = z.object({
  /** Answer by itself when this ring completes (R1: 2nd–3rd ring); null = auto-answer off. */
  answerOnRing: z.number().int().min(1).max(6).nullable(),
  ringOnMs: z.number().int().min(200).max(10_000),
  ringOffMs: z.number().int().min(0).max(20_000),
  /** Calls beyond this many at once are refused with 486 Busy Here. */
  maxLines: z.number().int().min(1).max(8),
  /** A call still ringing after this long ends as missed (a lost CANCEL must not hold a line for ever). */
  ringTimeoutSeconds: z.number().int().min(10).max(MAX_RING_TIMEOUT_S),
});
export type RingPolicy = z.infer<typeof ringPolicySchema>;

export const deviceSettingsSchema = z.object({
  microphoneId: z.string().max(500).nullable(),
  headsetId: z.string().max(500).nullable(),
  ringerId: z.string().max(500).nullable(),
  /** Labels remembered so a notice can name a device that is gone. */
  microphoneLabel: z.string().max(500).nullable(),
  headsetLabel: z.string().max(500).nullable(),
  ringerLabel: z.string().max(500).nullable(),
});
export type DeviceSettings = z.infer<typeof deviceSettingsSchema>;

export const availabilitySchema = z.enum(['available', 'away']);
export type Availability = z.infer<typeof availabilitySchema>;

/** R29: record every call (default), only when the person presses Record, or never. */
export const recordingPolicySchema = z.enum(['all', 'on-demand', 'never']);
export type RecordingPolicy = z.infer<typeof recordingPolicySchema>;

/** R29 consent: what the caller hears before the first recorded frame, and an optional reminder beep. */
export const consentSettingsSchema = z.object({
  /** Off, the bundled "this call may be recorded", or a file the admin chose. */
  announcement: z.enum(['off', 'bundled', 'custom']),
  /** The admin's file, in the data folder's announcements/ (for 'custom'). */
  customFile: z.string().max(200).regex(/^[^/\\]+$/, 'must be a file name, not a path').nullable(),
  /** A short beep on the line every this many seconds while recording; null = no beep. */
  beepEverySeconds: z.number().int().min(5).max(600).nullable(),
});
export type ConsentSettings = z.infer<typeof consentSettingsSchema>;

/** What the script's placeholders say about the office (R2: company and line of business). */
export const officeSettingsSchema = z.object({
  company: z.string().max(120),
  /** The line of business, when the name does not say it ("window installation"). */
  activity: z.string().max(120),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

/** The language of Ringside's own screens (scripts have their own). */
export const uiLanguageSchema = z.enum(['en', 'ru', 'el']);
export type UiLanguage = z.infer<typeof uiLanguageSchema>;

/** The script this desk's calls follow. */
export const scriptChoiceSchema = z.object({ id: z.string().max(64), locale: z.enum(['en', 'ru', 'el']) });

export const settingsSchema = z.object({
  account: accountSettingsSchema,
  ringPolicy: ringPolicySchema,
  /** ISO 3166 region used to read numbers without a country code. */
  defaultRegion: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter region code such as GR or RU'),
  devices: deviceSettingsSchema,
  availability: availabilitySchema,
  recordingPolicy: recordingPolicySchema,
  consent: consentSettingsSchema,
  /** Recordings older than this many days may be deleted (after a confirmation); null = keep all. */
  retentionDays: z.number().int().min(1).max(3650).nullable(),
  /** New recordings are encrypted on disk (AES-256-GCM) with a key the system key store holds. */
  encryptRecordings: z.boolean(),
  office: officeSettingsSchema,
  script: scriptChoiceSchema,
  language: uiLanguageSchema,
  /** When call-backs are due by lead temperature (R27). */
  callbacks: callbackPolicySchema,
  /** The first-run set-up guide: still to be shown, gone through, or skipped. */
  setupGuide: setupGuideStateSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z.object({
  account: accountSettingsSchema.partial().optional(),
  ringPolicy: ringPolicySchema.partial().optional(),
  defaultRegion: settingsSchema.shape.defaultRegion.optional(),
  devices: deviceSettingsSchema.partial().optional(),
  availability: availabilitySchema.optional(),
  recordingPolicy: recordingPolicySchema.optional(),
  consent: consentSettingsSchema.partial().optional(),
  retentionDays: settingsSchema.shape.retentionDays.optional(),
  encryptRecordings: z.boolean().optional(),
  office: officeSettingsSchema.partial().optional(),
  script: scriptChoiceSchema.optional(),
  language: uiLanguageSchema.optional(),
  callbacks: callbackPolicySchema.partial().optional(),
  setupGuide: setupGuideStateSchema.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const defaultSettings: Settings = {
  account: { serverUrl: '', sipUri: '', authUser: '', displayName: '', pbxCertificate: '' },
  ringPolicy: { answerOnRing: 2, ringOnMs: 1000, ringOffMs: 4000, maxLines: 2, ringTimeoutSeconds: 120 },
  defaultRegion: 'GR',
  devices: { microphoneId: null, headsetId: null, ringerId: null, microphoneLabel: null, headsetLabel: null, ringerLabel: null },
  availability: 'available',
  recordingPolicy: 'all',
  consent: { announcement: 'off', customFile: null, beepEverySeconds: null },
  retentionDays: null,
  encryptRecordings: false,
  office: { company: '', activity: '' },
  script: { id: 'inbound-sales', locale: 'en' },
  language: 'en',
  callbacks: defaultCallbackPolicy,
  setupGuide: 'pending',
};

/** Settings only an admin (with the PIN) may change. */
export const ADMIN_SETTINGS = ['recordingPolicy', 'consent', 'retentionDays', 'encryptRecordings'] as const satisfies readonly (keyof Settings)[];

/** What the UI sees: the settings plus whether a password is held (never the password). */
export const settingsViewSchema = z.object({
  settings: settingsSchema,
  hasPassword: z.boolean(),
  dataDir: z.string(),
  /** The public name of the key encrypted recordings use, once one exists (admins match it with backups). */
  recordingKeyId: z.string().nullable(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
