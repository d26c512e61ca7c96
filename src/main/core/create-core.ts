import { v7 as uuidv7 } from 'uuid';
import type { Invitation, Session } from 'sip.js';
import type { Clock } from '../../shared/clock.ts';
import {
  APP_VERSION,
  clientEvents,
  coreEvents,
  coreMethods,
  mediaMethods,
  type ClientEvents,
  type CoreEvents,
  type CoreMethods,
  type MediaMethods,
} from '../../shared/ipc/api.ts';
import type { SettingsView } from '../../shared/ipc/settings.ts';
import { RpcPeer } from '../../shared/ipc/rpc-peer.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { Handlers, RpcPort } from '../../shared/ipc/rpc-protocol.ts';
import type { Logger } from '../../shared/logger.ts';
import type { z } from 'zod';
import type { PowerEvents } from '../app/power-events.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { createContactRepository } from '../contacts/contact-repository.ts';
import { importContactsCsv } from '../contacts/import-contacts-csv.ts';
import type { OpenedDatabase } from '../db/open-database.ts';
import { MediaBridge } from '../media/media-bridge.ts';
import { createRecordingPauses } from '../recordings/recording-pauses.ts';
import { createRecordingStore } from '../recordings/recording-store.ts';
import { BridgeSessionDescriptionHandler } from '../phone/bridge-session-description-handler.ts';
import { CallManager } from '../phone/call-manager.ts';
import { SipAccount } from '../phone/sip-account.ts';
import type { SecretStore } from '../settings/secret-store.ts';
import type { SettingsStore } from '../settings/settings-store.ts';

export interface CoreDeps {
  dataDir: string;
  database: OpenedDatabase;
  clock: Clock;
  log: Logger;
  settings: SettingsStore;
  secrets: SecretStore;
  power?: PowerEvents;
}

export interface Core {
  /** Connects one client (an Electron window or a browser tab); returns the function that detaches it. */
  attachClient(port: RpcPort): () => void;
  dispose(): Promise<void>;
}

type ClientPeer = RpcPeer<MediaMethods, CoreMethods, CoreEvents, ClientEvents>;

/**
 * The main-side core, the same in Electron and in browser mode: the SIP account and live calls,
 * the database, and the typed API every client talks to.
 */
export function createCore(deps: CoreDeps): Core {
  const { clock, settings, secrets, database } = deps;
  const log = deps.log.child('core');
  const clients = new Set<ClientPeer>();
  const media = new MediaBridge();
  const contacts = createContactRepository({ db: database.db, clock, region: () => settings.get().defaultRegion });
  const callRecords = createCallRepository({ db: database.db });
  const sessionIds = new WeakMap<Session, string>();
  const pauses = createRecordingPauses({ db: database.db, clock });
  const recordings = createRecordingStore({ db: database.db, dataDir: deps.dataDir, clock, log: deps.log.child('recordings') });
  recordings.recover().catch((error: unknown) => log.error('Recovering recordings failed', { error: String(error) }));
  /** A recording whose window went away with the call is finished by main after a grace period. */
  const RECORDING_GRACE_MS = 5000;
  const finishing = new Set<string>();
  const finishLater = (callId: string) => {
    if (finishing.has(callId)) return;
    finishing.add(callId);
    clock.setTimeout(() => {
      finishing.delete(callId);
      if (recordings.isOpen(callId)) void recordings.finish(callId).catch((error: unknown) => log.error('Finishing a recording failed', { error: String(error) }));
    }, RECORDING_GRACE_MS);
  };

  const broadcast = <K extends keyof CoreEvents>(name: K, payload: z.input<CoreEvents[K]>): void => {
    for (const client of clients) client.emit(name, payload);
  };
  const settingsView = (): SettingsView => ({ settings: settings.get(), hasPassword: secrets.getPassword() !== null, dataDir: deps.dataDir });

  const calls = new CallManager({
    clock,
    log: deps.log.child('calls'),
    newId: () => uuidv7(),
    ringPolicy: () => settings.get().ringPolicy,
    availability: () => settings.get().availability,
    bindSession: (invitation: Invitation, callId: string) => sessionIds.set(invitation, callId),
    onCallsChanged: (live) => {
      for (const call of live) if (call.state === 'ended' && recordings.isOpen(call.id)) finishLater(call.id);
      broadcast('phone.calls', live);
    },
    onCallStored: () => broadcast('data.changed', { what: 'calls' }),
    store: {
      cardForNumber: (number) => contacts.cardForNumber(number),
      insertCall: (call) => callRecords.insert(call),
      updateCall: (id, patch) => callRecords.update(id, patch),
    },
  });

  const account = new SipAccount({
    clock,
    log: deps.log.child('phone'),
    sessionDescriptionHandlerFactory: (session) =>
      new BridgeSessionDescriptionHandler(sessionIds.get(session) ?? session.id, media, deps.log.child('media')),
    onInvite: (invitation) => {
      calls.handleInvite(invitation).catch((error: unknown) => log.error('Incoming call failed', { error: String(error) }));
    },
    onStateChange: (state) => {
      log.info('Registration', { status: state.status, reason: state.reason });
      broadcast('phone.registration', state);
    },
  });

  const applyAccount = () => account.configure(settings.get().account, secrets.getPassword());
  const stopSettings = settings.onChange(() => {
    applyAccount();
    calls.refresh();
    broadcast('settings.changed', settingsView());
  });
  const stopPower = deps.power?.onResume(() => account.notifyResume());
  applyAccount();

  const sharedHandlers: Omit<Handlers<CoreMethods>, 'session.hello'> = {
    'settings.get': () => settingsView(),
    'settings.update': (patch) => {
      settings.update(patch);
      return settingsView();
    },
    'settings.setPassword': async ({ password }) => {
      await secrets.setPassword(password === '' ? null : password);
      applyAccount();
      const view = settingsView();
      broadcast('settings.changed', view);
      return view;
    },
    'phone.setAvailability': ({ availability }) => {
      settings.update({ availability });
      return {};
    },
    'phone.answer': async ({ callId }) => {
      await calls.answer(callId);
      return {};
    },
    'phone.hangup': async ({ callId }) => {
      await calls.hangup(callId);
      return {};
    },
    'phone.decline': async ({ callId }) => {
      await calls.decline(callId);
      return {};
    },
    'phone.reconnect': () => {
      account.reconnectNow();
      return {};
    },
    'contacts.get': ({ id }) => contacts.get(id),
    'contacts.save': async (input) => {
      const saved = await contacts.save(input);
      await calls.refreshCards();
      broadcast('data.changed', { what: 'contacts' });
      return saved;
    },
    'contacts.search': ({ query, limit }) => contacts.search(query, limit),
    'contacts.cardForNumber': ({ number }) => contacts.cardForNumber(number),
    'contacts.importCsv': async ({ text }) => {
      const report = await importContactsCsv({ db: database.db, clock, region: settings.get().defaultRegion }, text);
      await calls.refreshCards();
      broadcast('data.changed', { what: 'contacts' });
      return report;
    },
    'calls.list': (query) => callRecords.list(query),
    'recordings.chunk': async ({ callId, seq, data }) => {
      if (settings.get().recordingPolicy === 'never') throw new RpcError('recording-off', 'Recording is turned off in Settings: nothing was saved.');
      await recordings.append(callId, seq, Buffer.from(data, 'base64'));
      return {};
    },
    'recordings.pause': async ({ callId, paused }) => {
      if (paused) await pauses.pause(callId, settings.get().account.sipUri || 'this desk');
      else await pauses.resume(callId);
      return {};
    },
    'recordings.finish': async ({ callId }) => {
      await pauses.resume(callId);
      await recordings.finish(callId);
      return {};
    },
  };

  return {
    attachClient(port) {
      const peer: ClientPeer = new RpcPeer({
        port,
        outgoing: mediaMethods,
        incoming: coreMethods,
        outgoingEvents: coreEvents,
        incomingEvents: clientEvents,
        handlers: {
          ...sharedHandlers,
          'session.hello': ({ media: carriesMedia }) => {
            if (carriesMedia) media.setHost(peer);
            return {
              version: APP_VERSION,
              settings: settingsView(),
              phone: { registration: account.registration, calls: calls.calls },
            };
          },
        },
        onProtocolError: (error) => log.warn('Bad message from a client', { error: error.message }),
      });
      clients.add(peer);
      return () => {
        clients.delete(peer);
        media.releaseHost(peer);
        peer.close();
      };
    },
    async dispose() {
      stopSettings();
      stopPower?.();
      await calls.dispose();
      await account.dispose();
      await recordings.finishAll();
      for (const client of clients) client.close();
      clients.clear();
    },
  };
}
