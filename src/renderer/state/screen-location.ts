import { adminSections, type AdminSection } from '../admin/admin-sections.ts';
import { settingsSections, type SettingsSection } from '../settings/settings-sections.ts';
import { screens, type Screen } from './app-store.ts';

/** The screen and section shown, as kept in the address's #fragment so a reload opens the same place. */
export interface ScreenLocation {
  screen: Screen;
  settingsSection: SettingsSection;
  adminSection: AdminSection;
}

export function locationHash({ screen, settingsSection, adminSection }: ScreenLocation): string {
  if (screen === 'settings') return `#settings/${settingsSection}`;
  if (screen === 'admin') return `#admin/${adminSection}`;
  return `#${screen}`;
}

const isOneOf = <T extends string>(options: readonly T[], value: string | undefined): value is T => options.some((o) => o === value);

/** What a fragment names; anything unknown is left out, so a stale or edited address falls back to the defaults. */
export function locationFromHash(hash: string): Partial<ScreenLocation> {
  const [screen, section] = hash.replace(/^#/, '').split('/');
  if (!isOneOf(screens, screen)) return {};
  if (screen === 'settings' && isOneOf(settingsSections, section)) return { screen, settingsSection: section };
  if (screen === 'admin' && isOneOf(adminSections, section)) return { screen, adminSection: section };
  return { screen };
}
