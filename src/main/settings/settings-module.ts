import type { SettingsView } from '../../shared/ipc/settings.ts';
import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import type { RecordingKeyStore } from '../recordings/recording-key-store.ts';
import { changedAdminSettings } from './admin-settings.ts';
import type { SecretStore } from './secret-store.ts';
import { adminSettingsAuditDetail, assertSettingsPatchUsable } from './settings-patch-rules.ts';

export type SettingsMethod = 'settings.get' | 'settings.update' | 'settings.setPassword';

/** This desk's settings and SIP password. Admin settings need the PIN (the access policy); their changes are audited. */
export function createSettingsModule(ctx: ModuleContext, deps: { secrets: SecretStore; recordingKeys: RecordingKeyStore; passwordChanged(): void }) {
  const { settings } = ctx;
  const view = (): SettingsView => ({ settings: settings.get(), hasPassword: deps.secrets.getPassword() !== null, dataDir: ctx.dataDir, recordingKeyId: deps.recordingKeys.currentId() });
  const stopSettings = settings.onChange(() => ctx.broadcast('settings.changed', view()));
  const module: CoreModule<SettingsMethod> = {
    handlers: {
      'settings.get': () => view(),
      'settings.update': async (patch) => {
        const before = settings.get();
        const changed = changedAdminSettings(before, patch);
        assertSettingsPatchUsable(before, patch, deps.recordingKeys);
        const after = settings.update(patch);
        if (changed.length > 0) await ctx.stores.office.audit.record(ctx.actor(), 'admin-settings-changed', adminSettingsAuditDetail(changed, before, after));
        return view();
      },
      'settings.setPassword': async ({ password }) => {
        await deps.secrets.setPassword(password === '' ? null : password);
        deps.passwordChanged();
        const current = view();
        ctx.broadcast('settings.changed', current);
        return current;
      },
    },
    dispose: stopSettings,
  };
  return { ...module, view };
}
