import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { Settings, SettingsPatch } from '../../shared/ipc/settings.ts';
import { CertificateUnreadableError, describeCertificate } from '../phone/pbx-trust.ts';
import type { RecordingKeyStore } from '../recordings/recording-key-store.ts';
import type { changedAdminSettings } from './admin-settings.ts';

/**
 * Refuses a patch the desk could not live with, before anything is saved: a PBX certificate that
 * is not one (bad-certificate), or turning encryption on without a usable recording key (recording-key).
 */
export function assertSettingsPatchUsable(before: Settings, patch: SettingsPatch, recordingKeys: Pick<RecordingKeyStore, 'current'>): void {
  if (patch.account?.pbxCertificate) {
    try {
      describeCertificate(patch.account.pbxCertificate);
    } catch (error) {
      if (error instanceof CertificateUnreadableError) throw new RpcError('bad-certificate', error.message, { detail: error.detail });
      throw error;
    }
  }
  if (patch.encryptRecordings === true && !before.encryptRecordings) {
    try {
      recordingKeys.current();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new RpcError('recording-key', detail, { detail });
    }
  }
}

/** What the audit log says of a save that changed admin settings: each one, from and to. */
export function adminSettingsAuditDetail(changed: ReturnType<typeof changedAdminSettings>, before: Settings, after: Settings): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }]));
}
