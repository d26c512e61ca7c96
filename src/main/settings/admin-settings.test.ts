import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/ipc/settings.ts';
import { changedAdminSettings } from './admin-settings.ts';

describe('admin-only settings', () => {
  it('names only the admin settings a patch really changes', () => {
    expect(changedAdminSettings(defaultSettings, { recordingPolicy: 'all', defaultRegion: 'RU' })).toEqual([]);
    expect(changedAdminSettings(defaultSettings, { consent: { announcement: 'off' } })).toEqual([]);
    expect(changedAdminSettings(defaultSettings, { recordingPolicy: 'never', consent: { beepEverySeconds: 15 }, retentionDays: 90 })).toEqual([
      'recordingPolicy',
      'consent',
      'retentionDays',
    ]);
    expect(changedAdminSettings({ ...defaultSettings, retentionDays: 30 }, { retentionDays: null })).toEqual(['retentionDays']);
  });
});
