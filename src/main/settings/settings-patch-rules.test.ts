import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/ipc/settings.ts';
import { recordingKeyFrom, type RecordingKey } from '../recordings/encrypted-recording.ts';
import { adminSettingsAuditDetail, assertSettingsPatchUsable } from './settings-patch-rules.ts';

const keyOk = { current: () => recordingKeyFrom(Buffer.alloc(32)) };
const noKey = {
  current: (): RecordingKey => {
    throw new Error('Encrypted recordings need a key file in browser mode');
  },
};

describe('a settings patch the desk could not live with', () => {
  it('is refused for a PBX certificate that is not one (bad-certificate)', () => {
    const patch = { account: { ...defaultSettings.account, pbxCertificate: '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----' } };
    expect(() => assertSettingsPatchUsable(defaultSettings, patch, keyOk)).toThrow(expect.objectContaining({ code: 'bad-certificate' }));
  });

  it('is refused when encryption is turned on without a usable recording key, with the reason', () => {
    expect(() => assertSettingsPatchUsable({ ...defaultSettings, encryptRecordings: false }, { encryptRecordings: true }, noKey)).toThrow(
      expect.objectContaining({ code: 'recording-key', params: { detail: 'Encrypted recordings need a key file in browser mode' } }),
    );
  });

  it('passes encryption already on, or turned on with a key, and anything else', () => {
    expect(() => assertSettingsPatchUsable({ ...defaultSettings, encryptRecordings: true }, { encryptRecordings: true }, noKey)).not.toThrow();
    expect(() => assertSettingsPatchUsable({ ...defaultSettings, encryptRecordings: false }, { encryptRecordings: true }, keyOk)).not.toThrow();
    expect(() => assertSettingsPatchUsable(defaultSettings, { language: 'ru' }, noKey)).not.toThrow();
  });
});

describe('the audit detail of an admin settings change', () => {
  it('names each changed admin setting with its value before and after', () => {
    const after = { ...defaultSettings, recordingPolicy: 'never' as const };
    expect(adminSettingsAuditDetail(['recordingPolicy'], defaultSettings, after)).toEqual({ recordingPolicy: { from: defaultSettings.recordingPolicy, to: 'never' } });
  });
});
