import { z } from 'zod';
import { defaultSettings, settingsSchema, type Settings } from '../../shared/ipc/settings.ts';

export const SETTINGS_FILE_VERSION = 1;

const settingsFileSchema = z.object({ version: z.literal(SETTINGS_FILE_VERSION), settings: settingsSchema });

/**
 * Reads any version of settings.json into the current shape. Missing keys (a file from an older
 * build) take their defaults; a future version or a wrong shape is an error.
 */
export function upgradeSettingsFile(raw: unknown): Settings {
  const input = z.object({ version: z.number().int(), settings: z.record(z.string(), z.unknown()) }).parse(raw);
  if (input.version > SETTINGS_FILE_VERSION) {
    throw new Error(`settings.json is from a newer Ringside (version ${input.version})`);
  }
  const s = input.settings;
  const merged = {
    ...defaultSettings,
    ...s,
    account: { ...defaultSettings.account, ...(s.account as object | undefined) },
    ringPolicy: { ...defaultSettings.ringPolicy, ...(s.ringPolicy as object | undefined) },
    devices: { ...defaultSettings.devices, ...(s.devices as object | undefined) },
    consent: { ...defaultSettings.consent, ...(s.consent as object | undefined) },
    office: { ...defaultSettings.office, ...(s.office as object | undefined) },
    // A file from before the set-up guide belongs to a desk already in use: the guide is not due.
    setupGuide: s.setupGuide ?? 'skipped',
  };
  return settingsFileSchema.parse({ version: SETTINGS_FILE_VERSION, settings: merged }).settings;
}
