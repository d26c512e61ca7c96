import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsPatchSchema, type Settings } from '../../shared/ipc/settings.ts';
import { isUnsaved, sectionPatch, settingsSections, storedValues, type SettingsSection } from './settings-sections.ts';

const roundTrip = (section: SettingsSection) => sectionPatch(section, storedValues(section, stored));
const stored: Settings = { ...defaultSettings, account: { ...defaultSettings.account, serverUrl: 'wss://pbx.example/ws', displayName: 'Maria' } };

describe('Settings in sections', () => {
  it('a section’s save sends its own part and nothing of another section', () => {
    const owners = new Map<string, string>();
    for (const section of settingsSections) {
      const patch = settingsPatchSchema.parse(roundTrip(section));
      const paths = Object.entries(patch).flatMap(([key, value]) => (key === 'account' ? Object.keys(value as object).map((k) => `account.${k}`) : [key]));
      expect(paths.length, section).toBeGreaterThan(0);
      for (const path of paths) {
        expect(owners.get(path), `${path} is saved by ${owners.get(path)} and ${section}`).toBeUndefined();
        owners.set(path, section);
      }
    }
    expect(roundTrip('office')).toEqual({ account: { displayName: 'Maria' }, office: stored.office, script: stored.script });
  });

  it('no section sends the language (it is saved when chosen) nor an admin setting', () => {
    for (const section of settingsSections) {
      const patch = roundTrip(section);
      for (const key of ['language', 'recordingPolicy', 'consent', 'retentionDays', 'encryptRecordings']) expect(patch, section).not.toHaveProperty(key);
    }
  });

  it('a section is unsaved only while its edits differ from what is stored', () => {
    expect(isUnsaved('answering', {}, stored)).toBe(false);
    expect(isUnsaved('answering', { answering: { ...stored.ringPolicy } }, stored)).toBe(false);
    expect(isUnsaved('answering', { answering: { ...stored.ringPolicy, ringOnMs: 1500 } }, stored)).toBe(true);
    expect(isUnsaved('pbx', { answering: { ...stored.ringPolicy, ringOnMs: 1500 } }, stored)).toBe(false);
  });
});
