import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { accountSettingsSchema, consentSettingsSchema, deviceSettingsSchema, officeSettingsSchema, scriptChoiceSchema, ringPolicySchema, settingsSchema, uiLanguageSchema, type SettingsPatch } from '../../shared/ipc/settings.ts';
import type { Logger } from '../../shared/logger.ts';
import { withSessionPassword, type SecretStore } from './secret-store.ts';
import type { SettingsStore } from './settings-store.ts';
import { describeIssues } from '../../shared/validation/describe-issues.ts';

/** The JSON config for headless runs (`--config file.json`); every key is optional. See docs/config.md. */
export const configFileSchema = z.strictObject({
  account: accountSettingsSchema.extend({ password: z.string().max(500) }).partial().strict().optional(),
  ringPolicy: ringPolicySchema
    .extend({ answerOnRing: z.number({ error: 'must be 1–6 or null' }).int('must be 1–6 or null').min(1, 'must be 1–6 or null').max(6, 'must be 1–6 or null').nullable() })
    .partial()
    .strict()
    .optional(),
  defaultRegion: settingsSchema.shape.defaultRegion.optional(),
  recordingPolicy: settingsSchema.shape.recordingPolicy.optional(),
  consent: consentSettingsSchema.partial().strict().optional(),
  retentionDays: settingsSchema.shape.retentionDays.optional(),
  encryptRecordings: settingsSchema.shape.encryptRecordings.optional(),
  /** Browser mode: the file holding the key for encrypted recordings (made on first use). Keep it off the data disk. */
  recordingKeyFile: z.string().min(1).optional(),
  office: officeSettingsSchema.partial().strict().optional(),
  script: scriptChoiceSchema.strict().optional(),
  language: uiLanguageSchema.optional(),
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

/**
 * Reads and checks the config file. Errors name the file and the key ("ringside.json:
 * ringPolicy.answerOnRing: must be 1–6 or null"). Relative paths are taken from the file's folder.
 */
export function loadConfigFile(file: string): ConfigFile {
  const name = basename(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${name}: ${describeIssues(parsed.error.issues)}`);
  }
  const config = parsed.data;
  const from = dirname(resolve(file));
  return {
    ...config,
    ...(config.dataDir !== undefined && { dataDir: resolve(from, config.dataDir) }),
    ...(config.recordingKeyFile !== undefined && { recordingKeyFile: resolve(from, config.recordingKeyFile) }),
  };
}

/** The part of the config that overrides stored settings (the password goes to the secret store). */
export function settingsPatchFromConfig(config: ConfigFile): SettingsPatch {
  const { password: _password, ...account } = config.account ?? {};
  return {
    ...(config.account && { account }),
    ...(config.ringPolicy && { ringPolicy: config.ringPolicy }),
    ...(config.defaultRegion && { defaultRegion: config.defaultRegion }),
    ...(config.recordingPolicy && { recordingPolicy: config.recordingPolicy }),
    ...(config.consent && { consent: config.consent }),
    ...(config.retentionDays !== undefined && { retentionDays: config.retentionDays }),
    ...(config.encryptRecordings !== undefined && { encryptRecordings: config.encryptRecordings }),
    ...(config.office && { office: config.office }),
    ...(config.script && { script: config.script }),
    ...(config.language && { language: config.language }),
    ...(config.devices && { devices: config.devices }),
  };
}

/**
 * At start the config wins over stored settings, and its password goes to the secret store. If
 * that store refuses it (no system key store), the password still holds for this run, and the
 * returned store is the one to use.
 */
export async function applyConfig(config: ConfigFile, settings: SettingsStore, secrets: SecretStore, log: Logger): Promise<SecretStore> {
  const patch = settingsPatchFromConfig(config);
  // Whoever wrote a config that sets anything has set this desk up: the guide is not due.
  if (Object.keys(patch).length > 0) settings.update(settings.get().setupGuide === 'pending' ? { ...patch, setupGuide: 'skipped' } : patch);
  const password = config.account?.password;
  if (password === undefined) return secrets;
  try {
    await secrets.setPassword(password === '' ? null : password);
    return secrets;
  } catch (error) {
    log.warn('The password from the config file is used for this run only', { reason: error instanceof Error ? error.message : String(error) });
    return withSessionPassword(secrets, password);
  }
}
