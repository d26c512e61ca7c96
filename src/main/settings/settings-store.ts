import { existsSync, readFileSync, renameSync } from 'node:fs';
import { defaultSettings, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../../shared/ipc/settings.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { Logger } from '../../shared/logger.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { SETTINGS_FILE_VERSION, upgradeSettingsFile } from './settings-file.ts';
import { describeIssues } from '../../shared/validation/describe-issues.ts';
import { canMoveSetupGuide } from '../../shared/setup/setup-guide-state.ts';

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
}

/**
 * settings.json in the data folder. A corrupt file is kept aside and defaults are used, so the
 * app always starts and the person can repair the settings from the screen.
 */
export function createSettingsStore(deps: { file: string; log: Logger; now?: () => number }): SettingsStore {
  const listeners = new Set<(settings: Settings) => void>();
  let current = load();

  function load(): Settings {
    if (!existsSync(deps.file)) return defaultSettings;
    try {
      return upgradeSettingsFile(JSON.parse(readFileSync(deps.file, 'utf8')));
    } catch (error) {
      const aside = `${deps.file}.corrupt-${deps.now?.() ?? Date.now()}`;
      try {
        renameSync(deps.file, aside);
        deps.log.error('settings.json could not be read: using defaults; the old file is kept aside', { aside, error: String(error) });
      } catch (renameError) {
        deps.log.error('settings.json could not be read, nor kept aside: using defaults', { error: String(error), renameError: String(renameError) });
      }
      return defaultSettings;
    }
  }

  return {
    get: () => current,
    update(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        throw new RpcError('bad-settings', describeIssues(parsed.error.issues), { detail: describeIssues(parsed.error.issues) });
      }
      const p = parsed.data;
      if (p.setupGuide !== undefined && !canMoveSetupGuide(current.setupGuide, p.setupGuide)) {
        const detail = `setupGuide: cannot go back from ${current.setupGuide} to ${p.setupGuide}`;
        throw new RpcError('bad-settings', detail, { detail });
      }
      // Each setting the patch names is replaced, or merged one level deep when it is a group.
      const next = settingsSchema.parse(
        Object.fromEntries(
          Object.entries(current).map(([key, value]) => {
            const change = (p as Record<string, unknown>)[key];
            if (change === undefined) return [key, value];
            return [key, isGroup(value) && isGroup(change) ? { ...value, ...change } : change];
          }),
        ),
      );
      writeFileAtomic(deps.file, `${JSON.stringify({ version: SETTINGS_FILE_VERSION, settings: next }, null, 2)}\n`);
      current = next;
      for (const listener of listeners) listener(next);
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function isGroup(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
