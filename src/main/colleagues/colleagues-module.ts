import type { URI } from 'sip.js';
import { PRESENCE_CONTENT_TYPE } from '../../shared/ipc/colleagues.ts';
import type { LiveCall, RegistrationState } from '../../shared/ipc/phone.ts';
import type { CoreModule, ModuleContext } from '../core/core-module.ts';
import type { SipAccount } from '../phone/sip-account.ts';
import { colleaguesWithLines } from './colleague-lines.ts';
import { deskPresenceStatus } from './desk-presence.ts';
import { LineWatch } from './line-watch.ts';
import { PresenceBeacons } from './presence-beacon.ts';

export type ColleaguesMethod = 'colleagues.list' | 'colleagues.save' | 'colleagues.remove';

/** The colleagues directory, their busy lamps (from the PBX) and the presence this desk and theirs send each other. */
export function createColleaguesModule(
  ctx: ModuleContext,
  deps: { account: Pick<SipAccount, 'registration' | 'subscribe' | 'sendMessage'> & { uriFor(target: string): URI }; liveCalls(): readonly LiveCall[]; myExtension(): string },
) {
  const { settings, bus, clock } = ctx;
  const { account } = deps;
  const changed = () => bus.emit('colleague.changed', { colleagueId: null });
  const lineWatch = new LineWatch({
    clock,
    log: ctx.log.child('busy-lamps'),
    subscribe: (extension, handlers) => account.subscribe(account.uriFor(extension), 'dialog', 'application/dialog-info+xml', handlers),
    onChanged: changed,
  });
  const directory = colleaguesWithLines(ctx.stores.office.colleagues, (extension) => lineWatch.lineOf(extension));
  const watchDirectoryLines = async () => lineWatch.sync((await directory.list()).map((c) => c.extension));
  const beacons = new PresenceBeacons({
    clock,
    log: ctx.log.child('presence'),
    directory,
    me: () => (account.registration.status === 'registered' ? { extension: deps.myExtension(), status: deskPresenceStatus(deps.liveCalls(), settings.get().availability) } : null),
    send: (extension, beacon) => account.sendMessage(account.uriFor(extension), JSON.stringify(beacon), PRESENCE_CONTENT_TYPE),
    onChanged: changed,
  });
  beacons.start();
  const stopSettings = settings.onChange(() => beacons.changed());

  const module: CoreModule<ColleaguesMethod> = {
    handlers: {
      'colleagues.list': () => directory.list(),
      'colleagues.save': async (input) => {
        const saved = await directory.save(input);
        bus.emit('colleague.changed', { colleagueId: saved.id });
        beacons.changed(true);
        await watchDirectoryLines();
        return saved;
      },
      'colleagues.remove': async ({ id }) => {
        await directory.remove(id);
        await watchDirectoryLines();
        bus.emit('colleague.changed', { colleagueId: id });
        return {};
      },
    },
    async dispose() {
      stopSettings();
      await beacons.farewell();
      lineWatch.stop();
    },
  };
  return {
    ...module,
    /** The desk's status may have changed (a call began or ended). */
    callsChanged: () => beacons.changed(),
    registrationChanged(state: RegistrationState) {
      if (state.status === 'registered') {
        beacons.changed();
        void directory.list().then((colleagues) => lineWatch.start(colleagues.map((c) => c.extension)), () => undefined);
      } else {
        lineWatch.stop();
      }
    },
    receivePresence: (body: string) => beacons.receive(body),
  };
}
