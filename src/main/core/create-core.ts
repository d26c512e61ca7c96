import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Clock } from '../../shared/clock.ts';
import { DESK_WITHOUT_ADDRESS } from '../../shared/calls/desk-without-address.ts';
import { APP_VERSION, clientEvents, coreEvents, coreMethods, mediaMethods, type CoreEvents } from '../../shared/ipc/api.ts';
import { RpcPeer } from '../../shared/ipc/rpc-peer.ts';
import type { RpcError, RpcPort } from '../../shared/ipc/rpc-protocol.ts';
import type { Logger } from '../../shared/logger.ts';
import { createAdminModule } from '../admin/admin-module.ts';
import { createAdminGate } from '../admin/admin-session.ts';
import type { PowerEvents } from '../app/power-events.ts';
import { createCallsModule } from '../calls/calls-module.ts';
import { createColleaguesModule } from '../colleagues/colleagues-module.ts';
import { createContactsModule } from '../contacts/contacts-module.ts';
import type { OpenedDatabase } from '../db/open-database.ts';
import type { MediaFile } from '../host/media-file.ts';
import { createMessagesModule } from '../messages/messages-module.ts';
import { routeSipMessage } from '../messages/sip-message-route.ts';
import { createPhoneModule } from '../phone/phone-module.ts';
import { createPracticeModule } from '../practice/practice-module.ts';
import type { RecordingKeyStore } from '../recordings/recording-key-store.ts';
import { createRecordingsModule } from '../recordings/recordings-module.ts';
import { createScoringModule } from '../scoring/scoring-module.ts';
import { createScriptsModule } from '../scripts/scripts-module.ts';
import { changedAdminSettings } from '../settings/admin-settings.ts';
import type { SecretStore } from '../settings/secret-store.ts';
import { createSettingsModule } from '../settings/settings-module.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { createStatsModule } from '../stats/stats-module.ts';
import { createTasksModule } from '../tasks/tasks-module.ts';
import { createCoreBroadcast, type ClientPeer } from './core-broadcast.ts';
import type { ModuleContext, ModuleHandlers, ModuleMethod } from './core-module.ts';
import { openCoreStores } from './core-stores.ts';
import { createDomainEventBus } from './domain-event-bus.ts';
import { guardedHandlers, type AccessChecks } from './enforce-access.ts';
import { refreshRenderersOnEvents } from './renderer-refresh.ts';

export interface CoreDeps {
  dataDir: string;
  /** Bundled files (the consent announcement). */
  resourcesDir: string;
  database: OpenedDatabase;
  clock: Clock;
  log: Logger;
  settings: SettingsStore;
  secrets: SecretStore;
  /** The key for recordings encrypted at rest (the system key store, or a key file in browser mode). */
  recordingKeys: RecordingKeyStore;
  power?: PowerEvents;
}

export interface Core {
  /** Connects one client (an Electron window or a browser tab); returns the function that detaches it. */
  attachClient(port: RpcPort): () => void;
  /** A file a window may fetch by media path ("recordings/<id>", "exports/<name>", "announcements/…"). */
  resolveMedia(path: string): Promise<MediaFile | null>;
  /** The host shell follows the core's events too (the desktop app brings its window forward when a call rings). */
  onEvent<K extends keyof CoreEvents>(name: K, listener: (payload: z.input<CoreEvents[K]>) => void): () => void;
  dispose(): Promise<void>;
}

/**
 * The main-side core, the same in Electron and in browser mode: composes the domain modules
 * (src/main/<domain>/<domain>-module.ts) around one event bus and one access policy
 * (docs/architecture.md). No rule lives here.
 */
export function createCore(deps: CoreDeps): Core {
  const { clock, settings, database } = deps;
  const log = deps.log.child('core');
  const hub = createCoreBroadcast(log);
  const bus = createDomainEventBus({ log: deps.log.child('events') });
  const stopRefresh = refreshRenderersOnEvents(bus, hub.broadcast);
  const actor = () => settings.get().account.sipUri || DESK_WITHOUT_ADDRESS;
  const notice = (level: 'info' | 'warning', words: RpcError) => hub.broadcast('notice', { level, code: words.code, message: words.message });
  const newId = () => uuidv7();
  const stores = openCoreStores({ database, clock, log: deps.log, settings, newId, notice });
  const ctx: ModuleContext = { clock, log: deps.log, bus, settings, database, stores, dataDir: deps.dataDir, resourcesDir: deps.resourcesDir, newId, actor, broadcast: hub.broadcast };
  /** This desk's extension: the user part of its SIP address. */
  const myExtension = () => settings.get().account.sipUri.replace(/^sips?:/, '').split('@')[0] ?? '';
  const startedAt = clock.now();

  const recordings = createRecordingsModule(ctx, { recordingKeys: deps.recordingKeys, startedAt });
  const phone = createPhoneModule(ctx, {
    secrets: deps.secrets,
    ...(deps.power && { power: deps.power }),
    recovered: recordings.recovered,
    startedAt,
    finishRecording: (callId) => recordings.finishNow(callId),
    hooks: {
      callsChanged: () => colleagues.callsChanged(),
      registrationChanged: (state) => colleagues.registrationChanged(state),
      message: (message) => routeSipMessage(message, { presence: (body) => colleagues.receivePresence(body), deskMessage: (body) => messages.receive(body), log }),
    },
  });
  const settingsModule = createSettingsModule(ctx, { secrets: deps.secrets, recordingKeys: deps.recordingKeys, passwordChanged: () => phone.applyAccount() });
  const send = (extension: string, body: string, contentType: string) => phone.account.sendMessage(phone.account.uriFor(extension), body, contentType);
  const messages = createMessagesModule(ctx, { myExtension, send });
  const colleagues = createColleaguesModule(ctx, { account: phone.account, liveCalls: () => phone.calls.calls, myExtension });
  const tasks = createTasksModule(ctx, { dial: (number) => phone.calls.dial(number) });
  const scripts = createScriptsModule(ctx);
  const practice = createPracticeModule(ctx, {
    media: phone.media,
    deskMedia: phone.deskMedia,
    liveCalls: () => phone.calls.calls,
    handleInvite: (invitation) => phone.calls.handleInvite(invitation, 'practice'),
  });
  const gate = createAdminGate({ clock, pinSet: () => stores.desk.adminPin.isSet() });
  const admin = createAdminModule(ctx, { gate, settingsView: settingsModule.view });
  const calls = createCallsModule(ctx, { tasks: tasks.tasks });
  const contacts = createContactsModule(ctx, { refreshCards: () => phone.calls.refreshCards() });
  const stats = createStatsModule(ctx);
  const scoring = createScoringModule(ctx, { scripts: scripts.scripts });
  // Every contract method has a handler, or this does not type-check.
  const handlers: ModuleHandlers<ModuleMethod> = {
    ...phone.handlers,
    ...practice.handlers,
    ...settingsModule.handlers,
    ...messages.handlers,
    ...colleagues.handlers,
    ...tasks.handlers,
    ...calls.handlers,
    ...contacts.handlers,
    ...recordings.handlers,
    ...scripts.handlers,
    ...stats.handlers,
    ...scoring.handlers,
    ...admin.handlers,
  };
  /** Stopped in this order: the account goes after the modules that still send through it (presence's farewell), recordings after the calls. */
  const modules = [phone, practice, settingsModule, messages, colleagues, tasks, calls, contacts, scripts, stats, scoring, admin];
  const access: AccessChecks = {
    gate,
    actor,
    callAgent: (callId) => stores.office.calls.agentOf(callId),
    changedAdminSettings: (patch) => changedAdminSettings(settings.get(), patch),
    assertNewDesk: admin.assertNewDesk,
  };
  phone.applyAccount();

  return {
    onEvent: hub.onEvent,
    attachClient(port) {
      const peer: ClientPeer = new RpcPeer({
        port,
        outgoing: mediaMethods,
        incoming: coreMethods,
        outgoingEvents: coreEvents,
        incomingEvents: clientEvents,
        handlers: {
          ...guardedHandlers(handlers, { adminUntil: 0 }, access),
          'session.hello': ({ media: carriesMedia }) => {
            if (carriesMedia) phone.media.setHost(peer);
            return { version: APP_VERSION, settings: settingsModule.view(), phone: { registration: phone.account.registration, calls: phone.calls.calls } };
          },
        },
        onProtocolError: (error) => log.warn('Bad message from a client', { error: error.message }),
      });
      peer.on('media.dead', ({ sessionId, reason }) => void phone.calls.endDeadMedia(sessionId, reason));
      hub.clients.add(peer);
      return () => {
        hub.clients.delete(peer);
        phone.media.releaseHost(peer);
        peer.close();
      };
    },
    async resolveMedia(path) {
      for (const module of [recordings, practice]) {
        const file = await module.resolveMedia?.(path);
        if (file) return file;
      }
      return null;
    },
    async dispose() {
      await recordings.recovered;
      for (const module of modules) await module.dispose?.();
      await phone.disposeAccount();
      await recordings.dispose?.();
      stopRefresh();
      // A last try for rows a full disk held back; what still does not fit is lost with the memory.
      if (!(await stores.keptWrites.flush())) log.error('The disk is still full: rows of calls and recordings could not be saved', { rows: stores.keptWrites.pending() });
      stores.keptWrites.dispose();
      hub.closeAll();
    },
  };
}
