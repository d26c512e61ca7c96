import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { accountSettingsSchema, deviceSettingsSchema, ringPolicySchema, settingsSchema, type SettingsPatch } from '../../shared/ipc/settings.ts';

/** The JSON config for headless runs (`--config file.json`); every key is optional. See docs/config.md. */
export const configFileSchema = z.strictObject({
  account: accountSettingsSchema.extend({ password: z.string().max(500) }).partial().strict().optional(),
  ringPolicy: ringPolicySchema.partial().strict().optional(),
  defaultRegion: settingsSchema.shape.defaultRegion.optional(),
  recordingPolicy: settingsSchema.shape.recordingPolicy.optional(),
  devices: deviceSettingsSchema.pick({ microphoneId: true, headsetId: true, ringerId: true }).partial().strict().optional(),
  dataDir: z.string().min(1).optional(),
  web: z
    .strictObject({
      host: z.string().min(1).optional(),
      port: z.number().int().min(0).max(65535).optional(),
      token: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be 16–128 letters, digits, - or _').optional(),
    })
    .optional(),
});
export type ConfigFile = z.infer<typeof configFileSchema>;

export function loadConfigFile(file: string): ConfigFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const keys = i.code === 'unrecognized_keys' ? ` (${i.keys.join(', ')})` : '';
      return `${i.path.join('.') || '(top level)'}: ${i.message}${keys}`;
    });
    throw new Error(`${file}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The part of the config that overrides stored settings (the password goes to the secret store). */
export function settingsPatchFromConfig(config: ConfigFile): SettingsPatch {
  const { password: _password, ...account } = config.account ?? {};
  return {
    ...(config.account && { account }),
    ...(config.ringPolicy && { ringPolicy: config.ringPolicy }),
    ...(config.defaultRegion && { defaultRegion: config.defaultRegion }),
    ...(config.recordingPolicy && { recordingPolicy: config.recordingPolicy }),
    ...(config.devices && { devices: config.devices }),
  };
}
