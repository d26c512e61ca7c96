import type { CallbackPolicy } from '../../shared/calls/callback-due.ts';
import type { AccountSettings, DeviceSettings, OfficeSettings, RingPolicy, Settings, SettingsPatch } from '../../shared/ipc/settings.ts';

/** The parts of Settings, each its own form with its own Save; the order is the sub-navigation's. */
export const settingsSections = ['language', 'office', 'pbx', 'answering', 'devices', 'callbacks'] as const;
export type SettingsSection = (typeof settingsSections)[number];

/** What each section edits. The UI language is not here: it is saved the moment it is chosen. */
export interface SectionValues {
  language: { defaultRegion: string };
  office: { displayName: string; office: OfficeSettings; script: Settings['script'] };
  pbx: Pick<AccountSettings, 'serverUrl' | 'sipUri' | 'authUser' | 'pbxCertificate'>;
  answering: RingPolicy;
  devices: DeviceSettings;
  callbacks: CallbackPolicy;
}

interface SectionPart<S extends SettingsSection> {
  read(settings: Settings): SectionValues[S];
  /** The update that saves this section and nothing else. */
  patch(values: SectionValues[S]): SettingsPatch;
}

const sectionParts: { [S in SettingsSection]: SectionPart<S> } = {
  language: {
    read: (s) => ({ defaultRegion: s.defaultRegion }),
    patch: (v) => ({ defaultRegion: v.defaultRegion }),
  },
  office: {
    // The display name is the agent's name in the greeting as well as on the PBX: it belongs with "you".
    read: (s) => ({ displayName: s.account.displayName, office: s.office, script: s.script }),
    patch: (v) => ({ account: { displayName: v.displayName }, office: v.office, script: v.script }),
  },
  pbx: {
    read: ({ account: { serverUrl, sipUri, authUser, pbxCertificate } }) => ({ serverUrl, sipUri, authUser, pbxCertificate }),
    patch: (v) => ({ account: v }),
  },
  answering: {
    read: (s) => s.ringPolicy,
    patch: (v) => ({ ringPolicy: v }),
  },
  devices: {
    read: (s) => s.devices,
    patch: (v) => ({ devices: v }),
  },
  callbacks: {
    read: (s) => s.callbacks,
    patch: (v) => ({ callbacks: v }),
  },
};

/** The update that saves this section's values (the one call a section's Save makes). */
export function sectionPatch<S extends SettingsSection>(section: S, values: SectionValues[S]): SettingsPatch {
  const part: SectionPart<S> = sectionParts[section];
  return part.patch(values);
}

/** A section's values as stored. */
export function storedValues<S extends SettingsSection>(section: S, settings: Settings): SectionValues[S] {
  const part: SectionPart<S> = sectionParts[section];
  return part.read(settings);
}

/** A section's edits not yet saved, kept while the person moves between sections. */
export type SectionEdits = { [S in SettingsSection]?: SectionValues[S] };

/** Whether the section has edits that differ from what is stored. */
export function isUnsaved(section: SettingsSection, edits: SectionEdits, stored: Settings): boolean {
  const edited = edits[section];
  return edited !== undefined && JSON.stringify(edited) !== JSON.stringify(storedValues(section, stored));
}
