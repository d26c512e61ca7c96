import type { SettingsView } from '../../shared/ipc/settings.ts';
import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import { saveAnnouncement } from '../recordings/consent-announcement.ts';
import type { AdminGate, ClientSession } from './admin-session.ts';
import { assertFirstPinOpen, firstPinOpen } from './first-admin-pin.ts';

export type AdminMethod =
  | 'admin.status'
  | 'admin.setPin'
  | 'setup.setFirstAdminPin'
  | 'admin.unlock'
  | 'admin.lock'
  | 'admin.auditLog'
  | 'admin.refusedTraffic'
  | 'admin.setAnnouncement';

/** The admin PIN and each window's unlock, the audit log, refused traffic and the custom consent announcement. */
export function createAdminModule(ctx: ModuleContext, deps: { gate: AdminGate; settingsView(): SettingsView }) {
  const { clock, settings, stores } = ctx;
  const { gate } = deps;
  /** What decides whether the set-up guide may set the first admin PIN (decision 0016). */
  const firstPinDesk = async () => ({
    pinSet: await stores.desk.adminPin.isSet(),
    setupGuide: settings.get().setupGuide,
    callsTaken: await stores.office.calls.anyTaken(),
  });
  const status = async (session: ClientSession) => {
    const desk = await firstPinDesk();
    return { pinSet: desk.pinSet, firstPinOpen: firstPinOpen(desk), unlocked: gate.unlocked(session) };
  };
  const module: CoreModule<AdminMethod> = {
    handlers: {
      'admin.status': (_params, session) => status(session),
      'admin.setPin': async ({ pin, currentPin }, session) => {
        await stores.desk.adminPin.change(pin, currentPin);
        await stores.office.audit.record(ctx.actor(), 'admin-pin-changed', {});
        gate.unlock(session);
        return status(session);
      },
      'setup.setFirstAdminPin': async ({ pin }, session) => {
        await stores.desk.adminPin.setFirst(pin);
        await stores.office.audit.record(ctx.actor(), 'admin-pin-set', { from: 'set-up guide' });
        gate.unlock(session);
        return status(session);
      },
      'admin.unlock': async ({ pin }, session) => {
        await stores.desk.adminPin.check(pin);
        gate.unlock(session);
        return status(session);
      },
      'admin.lock': (_params, session) => {
        gate.lock(session);
        return status(session);
      },
      'admin.auditLog': ({ limit }) => stores.office.audit.list(limit),
      'admin.refusedTraffic': ({ days }) => stores.desk.refusedTraffic.summary(clock.now() - days * 86_400_000),
      'admin.setAnnouncement': async ({ fileName, data }) => {
        const customFile = saveAnnouncement(ctx.dataDir, fileName, Buffer.from(data, 'base64'));
        settings.update({ consent: { announcement: 'custom', customFile } });
        await stores.office.audit.record(ctx.actor(), 'admin-settings-changed', { consent: { announcement: 'custom', customFile } });
        return deps.settingsView();
      },
    },
  };
  /** Throws why the set-up guide may not set the first PIN now (the access policy's 'new-desk'). */
  const assertNewDesk = async () => assertFirstPinOpen(await firstPinDesk());
  return { ...module, assertNewDesk };
}
