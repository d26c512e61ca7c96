import { ADMIN_SETTINGS, type Settings, type SettingsPatch } from '../../shared/ipc/settings.ts';

/**
 * The admin-only settings a patch would really change. The settings screen sends every field on
 * save, so an unchanged recording policy must not ask for the admin PIN.
 */
export function changedAdminSettings(before: Settings, patch: SettingsPatch): (typeof ADMIN_SETTINGS)[number][] {
  return ADMIN_SETTINGS.filter((key) => {
    const value = patch[key];
    if (value === undefined) return false;
    const merged = key === 'consent' ? { ...before.consent, ...patch.consent } : value;
    return JSON.stringify(merged) !== JSON.stringify(before[key]);
  });
}
