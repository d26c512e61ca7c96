import type { SettingsSection } from './settings-sections.ts';

/**
 * The Settings fields another screen can send the person to (the script's "Set it in Settings"),
 * each with the section that holds it: the link opens that section with the field focused.
 */
export const settingsFieldSections = { displayName: 'office', company: 'office' } as const satisfies Record<string, SettingsSection>;
export type SettingsField = keyof typeof settingsFieldSections;
