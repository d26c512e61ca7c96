import { v7 as uuidv7 } from 'uuid';
import { MESSAGE_CONTENT_TYPE } from '../../shared/ipc/messages.ts';
import { MessageCourier } from '../messages/message-courier.ts';
import { createColleagueDirectory } from '../colleagues/colleague-directory.ts';
import { PresenceBeacons } from '../colleagues/presence-beacon.ts';
import { LineWatch } from '../colleagues/line-watch.ts';
import { PRESENCE_CONTENT_TYPE } from '../../shared/ipc/colleagues.ts';
import { createMessageStore } from '../messages/message-store.ts';
import type { Session } from 'sip.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { createAdminPin } from '../admin/admin-pin.ts';
import { assertFirstPinOpen, firstPinOpen } from '../admin/first-admin-pin.ts';
import { createAuditLog } from '../admin/audit-log.ts';
import type { PowerEvents } from '../app/power-events.ts';
import type { MediaFile } from '../host/media-file.ts';
import { announcementFile, announcementLabel, saveAnnouncement } from '../recordings/consent-announcement.ts';
import { createExportJobs } from '../recordings/export-jobs.ts';
import { recordingsForCall } from '../recordings/recordings-for-call.ts';
import { loadPeaks } from '../recordings/recording-peaks-cache.ts';
import { asRecordingRpcError, recordingBytes, recordingFileKeyId } from '../recordings/recording-bytes.ts';
import type { RecordingKeyStore } from '../recordings/recording-key-store.ts';
import { deleteExpiredRecordings, listExpiredRecordings } from '../recordings/recording-retention.ts';
import { selectRecordings } from '../recordings/recording-selection.ts';
import { createCallProgressStore } from '../scripts/call-progress-store.ts';
import { createCustomScripts } from '../scripts/custom-scripts.ts';
import { createScriptCatalog } from '../scripts/script-catalog.ts';
import { createCallScoring } from '../scoring/call-scoring.ts';
import { shippedScorecard } from '../scoring/shipped-scorecard.ts';
import { loadScriptLibrary } from '../scripts/script-library.ts';
import { countPastDaysInWorker } from '../stats/count-past-days-in-worker.ts';
import { createDeskStatsByDays } from '../stats/desk-stats-days.ts';
import { keepDaysReady } from '../stats/keep-days-ready.ts';
import { PracticeLine } from '../practice/practice-line.ts';
import { loadPracticeScenarios } from '../practice/practice-scenarios.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { callRowsKeptWhileDiskFull } from '../calls/call-rows-kept-while-disk-full.ts';
import { createKeptWrites } from '../db/kept-writes.ts';
import { createTransferLog } from '../calls/transfer-log.ts';
import { createRefusedTrafficLog } from '../calls/refused-traffic-log.ts';
import { createCallbackTasks } from '../calls/callback-tasks.ts';
import { localZone } from '../app/local-zone.ts';
import { createContactRepository } from '../contacts/contact-repository.ts';
import { deleteContact } from '../contacts/delete-contact.ts';
import { importContactsCsv } from '../contacts/import-contacts-csv.ts';
import type { OpenedDatabase } from '../db/open-database.ts';
import { MediaBridge } from '../media/media-bridge.ts';
import { MediaHostWatch } from '../media/media-host-watch.ts';
import { markCallMediaLost } from '../calls/call-media-lost.ts';
import { createRecordingPauses } from '../recordings/recording-pauses.ts';
import { createRecordingStore } from '../recordings/recording-store.ts';
import { BridgeSessionDescriptionHandler } from '../phone/bridge-session-description-handler.ts';
import { CallManager } from '../phone/call-manager.ts';
import { SipAccount } from '../phone/sip-account.ts';
import { sipInstanceId } from '../phone/sip-instance-id.ts';
import { createDialogStore, orphanedDialogs } from '../phone/orphaned-dialogs.ts';
import { CertificateUnreadableError, createPbxTrust, describeCertificate, tlsProblem } from '../phone/pbx-trust.ts';
import { changedAdminSettings } from '../settings/admin-settings.ts';
import type { SecretStore } from '../settings/secret-store.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { DESK_WITHOUT_ADDRESS } from '../../shared/calls/desk-without-address.ts';

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

/** How long an entered admin PIN holds for a window without admin actions. */
const ADMIN_UNLOCK_MS = 10 * 60_000;
/** A media request made while no window is open (one being reloaded) waits this long for one. */
const MEDIA_HOST_WAIT_MS = 10_000;
/** A window that went away mid-call (closed, crashed) has this long to come back and take the call back. */
const MEDIA_HOST_GRACE_MS = 20_000;

type ClientPeer = RpcPeer<MediaMethods, CoreMethods, CoreEvents, ClientEvents>;

/**
 * The main-side core, the same in Electron and in browser mode: the SIP account and live calls,
 * the database, and the typed API every client talks to.
 */
export function createCore(deps: CoreDeps): Core {
  const { clock, settings, secrets, database } = deps;
  const log = deps.log.child('core');
  const clients = new Set<ClientPeer>();
  const media = new MediaBridge({ clock, hostWaitMs: MEDIA_HOST_WAIT_MS });
  const contacts = createContactRepository({ db: database.db, clock, region: () => settings.get().defaultRegion });
  // A full disk delays the rows of calls and recordings (kept in memory, in order), never loses them.
  const storageNotice = (level: 'info' | 'warning', words: RpcError) => broadcast('notice', { level, code: words.code, message: words.message });
  const keptWrites = createKeptWrites({
    clock,
    log: deps.log.child('storage'),
    onKeeping: () => storageNotice('warning', new RpcError('disk-full-history-waiting', 'The disk is full: the calls are kept in memory and saved to the history once there is space. Free some space on this computer.')),
    onSaved: () => storageNotice('info', new RpcError('disk-space-back', 'There is space on the disk again: the calls kept in memory are saved to the history.')),
  });
  const callRecords = callRowsKeptWhileDiskFull(createCallRepository({ db: database.db }), keptWrites);
  const transferLog = createTransferLog({ db: database.db });
  const refusedTraffic = createRefusedTrafficLog({ db: database.db });
  const dialogs = createDialogStore({ db: database.db, clock });
  const sessionIds = new WeakMap<Session, string>();
  const pauses = createRecordingPauses({ db: database.db, clock });
  const audit = createAuditLog({ db: database.db, clock });
  const progressStore = createCallProgressStore({ db: database.db, clock });
  const scriptsLog = deps.log.child('scripts');
  const scripts = createScriptCatalog({
    shipped: loadScriptLibrary(join(deps.resourcesDir, 'scripts'), scriptsLog),
    custom: createCustomScripts({ db: database.db, onInvalid: (id, errors) => scriptsLog.error('A saved script is not valid', { id, errors }) }),
    audit,
    clock,
  });
  const adminPin = createAdminPin({ db: database.db, clock });
  const statsByDays = createDeskStatsByDays({ db: database.db, clock, timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone });
  const statsDays = keepDaysReady({
    countPastDays: countPastDaysInWorker({ file: database.sqlite.name, timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone }),
    clock,
    log: deps.log.child('stats'),
    me: () => actor(),
  });
  const scoring = createCallScoring({
    db: database.db,
    clock,
    audit,
    newId: () => uuidv7(),
    shippedCard: () => shippedScorecard(settings.get().language),
    stageTitle: async (scriptId, stageId) => (await scripts.get(scriptId, settings.get().script.locale))?.stages.find((s) => s.id === stageId)?.title ?? null,
  });
  const actor = () => settings.get().account.sipUri || DESK_WITHOUT_ADDRESS;
  const recordingKeys = (id: string) => deps.recordingKeys.find(id);
  const pbxTrust = createPbxTrust();
  const exports = createExportJobs({ db: database.db, dataDir: deps.dataDir, keys: recordingKeys, clock, log: deps.log.child('export'), audit, locale: () => ({ language: settings.get().language, region: settings.get().defaultRegion, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }), onProgress: (p) => broadcast('export.progress', p) });
  const recordings = createRecordingStore({
    db: database.db,
    dataDir: deps.dataDir,
    clock,
    log: deps.log.child('recordings'),
    kept: keptWrites,
    encryption: { keyForNewRecording: () => (settings.get().encryptRecordings ? deps.recordingKeys.current() : null), find: recordingKeys },
  });
  // A crash left recordings as .part files and calls "in progress": finish both before anything else.
  const startedAt = clock.now();
  const recovered = recordings
    .recover()
    .then(() => callRecords.closeInterrupted(startedAt))
    .then((closed) => closed > 0 && log.warn('Closed calls interrupted by a crash', { closed }))
    .catch((error: unknown) => log.error('Recovering after a crash failed', { error: String(error) }));
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

  const hostListeners = new Set<{ name: keyof CoreEvents; listener: (payload: never) => void }>();
  const broadcast = <K extends keyof CoreEvents>(name: K, payload: z.input<CoreEvents[K]>): void => {
    for (const client of clients) client.emit(name, payload);
    for (const host of hostListeners) {
      if (host.name !== name) continue;
      try {
        (host.listener as (payload: z.input<CoreEvents[K]>) => void)(payload);
      } catch (error) {
        log.error('A host listener failed', { event: name, error: String(error) });
      }
    }
  };
  const settingsView = (): SettingsView => ({ settings: settings.get(), hasPassword: secrets.getPassword() !== null, dataDir: deps.dataDir, recordingKeyId: deps.recordingKeys.currentId() });

  const calls = new CallManager({
    clock,
    log: deps.log.child('calls'),
    newId: () => uuidv7(),
    ringPolicy: () => settings.get().ringPolicy,
    availability: () => settings.get().availability,
    bindSession: (session: Session, callId: string) => sessionIds.set(session, callId),
    sendDtmfInMedia: async (callId, tones) => (await media.call('media.sendDtmf', { sessionId: callId, tones })).sent,
    uriFor: (target) => account.uriFor(target),
    makeInviter: (target, extraHeaders) => account.makeInviter(target, extraHeaders),
    onCallsChanged: (live) => {
      for (const call of live) if (call.state === 'ended' && recordings.isOpen(call.id)) finishLater(call.id);
      broadcast('phone.calls', live);
      beacons.changed();
    },
    onCallStored: () => broadcast('data.changed', { what: 'calls' }),
    store: {
      cardForNumber: (number) => contacts.cardForNumber(number),
      recordRefused: (refusal) => refusedTraffic.record(refusal),
      insertCall: (call) => callRecords.insert({ ...call, agent: actor() }),
      updateCall: (id, patch) => callRecords.update(id, patch),
      insertTransfer: (transfer) => transferLog.insert({ ...transfer, fromAgent: actor() }),
      finishTransfer: (id, result, detail, endedAt) => transferLog.finish(id, result, detail, endedAt),
      linkConsult: (id, consultCallId) => transferLog.linkConsult(id, consultCallId),
      rememberDialog: (id, dialog) => dialogs.remember(id, dialog),
      forgetDialog: (id) => dialogs.forget(id),
    },
  });

  const mediaWatch = new MediaHostWatch({
    clock,
    log: deps.log.child('media'),
    graceMs: MEDIA_HOST_GRACE_MS,
    callsWithMedia: () => calls.callsWithMedia(),
    isLive: (callId) => calls.isLive(callId),
    lost: (callId) => {
      calls.setMediaProblem(callId, { code: 'media-window-lost', params: { target: '', detail: '' } });
      void markCallMediaLost(database.db, callId, clock.now()).catch((error: unknown) => log.error('Could not mark the call as without audio', { callId, error: String(error) }));
      // What the window sent is kept and playable; a window that takes the call back records anew.
      if (recordings.isOpen(callId)) void recordings.finish(callId).catch((error: unknown) => log.error('Finishing a recording failed', { error: String(error) }));
    },
    takeBack: (callId) => calls.renegotiate(callId),
    back: (callId) => calls.setMediaProblem(callId, { code: 'media-window-back', params: { target: '', detail: '' } }),
    giveUp: (callId) => void calls.endWithoutMedia(callId, { code: 'media-window-gone', params: { target: '', detail: '' } }),
  });
  media.onHostChange((present) => {
    if (!present) return mediaWatch.hostGone();
    account.mediaHostArrived();
    mediaWatch.hostBack();
  });

  const deskMedia = (session: Session) => {
    const callId = sessionIds.get(session) ?? session.id;
    return new BridgeSessionDescriptionHandler(callId, media, deps.log.child('media'), (hold) => calls.holdStateChanged(callId, hold));
  };
  const practiceScenarios = loadPracticeScenarios(join(deps.resourcesDir, 'practice'), deps.log.child('practice'));
  const practice = new PracticeLine({
    clock,
    log: deps.log.child('practice'),
    newId: () => uuidv7(),
    deskMedia,
    callerMedia: (sessionId) => () => new BridgeSessionDescriptionHandler(sessionId, media, deps.log.child('practice-media')),
    say: (sessionId, path) => media.call('media.practiceSay', { sessionId, path }),
    onInvite: (invitation) => {
      calls.handleInvite(invitation, 'practice').catch((error: unknown) => log.error('The practice call failed', { error: String(error) }));
    },
  });

  const account = new SipAccount({
    clock,
    log: deps.log.child('phone'),
    trust: pbxTrust,
    diagnoseTls: (serverUrl) => tlsProblem(serverUrl),
    mediaReady: () => media.hasHost(),
    instanceId: sipInstanceId(deps.dataDir),
    sessionDescriptionHandlerFactory: deskMedia,
    onInvite: (invitation) => {
      calls.handleInvite(invitation).catch((error: unknown) => log.error('Incoming call failed', { error: String(error) }));
    },
    onMessage: (message) => {
      const type = message.request.getHeader('Content-Type')?.split(';')[0]?.trim().toLowerCase();
      if (type === PRESENCE_CONTENT_TYPE) {
        void beacons
          .receive(message.request.body)
          .then((known) => (known ? message.accept() : message.reject({ statusCode: 403, reasonPhrase: 'Not a colleague' })))
          .catch(() => undefined);
        return;
      }
      if (type !== MESSAGE_CONTENT_TYPE) {
        void message.reject({ statusCode: 415 }).catch(() => undefined);
        return;
      }
      void courier
        .receive(message.request.body)
        .then((ok) => (ok ? message.accept() : message.reject({ statusCode: 400, reasonPhrase: 'Not a Ringside message' })))
        .catch((error: unknown) => {
          log.error('A message could not be stored', { error: String(error) });
          void message.reject({ statusCode: 500 }).catch(() => undefined);
        });
    },
    onStateChange: (state) => {
      log.info('Registration', { status: state.status, reason: state.reason });
      broadcast('phone.registration', state);
      if (state.status === 'registered') {
        // Calls an earlier run was on when it died (closed as interrupted by `recovered`): the callers get their BYE.
        void recovered.then(() => endOrphanedCalls.endAll());
        beacons.changed();
        void directory.list().then((colleagues) => lineWatch.start(colleagues.map((c) => c.extension)), () => undefined);
      } else {
        lineWatch.stop();
      }
    },
  });

  const endOrphanedCalls = orphanedDialogs({ store: dialogs, log: deps.log.child('phone'), startedAt, sendBye: (dialog) => account.sendBye(dialog) });

  /** This desk's extension: the user part of its SIP address. */
  const myExtension = () => settings.get().account.sipUri.replace(/^sips?:/, '').split('@')[0] ?? '';
  const messages = createMessageStore({ db: database.db });
  const courier = new MessageCourier({
    clock,
    log: deps.log.child('messages'),
    store: messages,
    newId: () => uuidv7(),
    me: () => ({ extension: myExtension(), name: settings.get().account.displayName }),
    region: () => settings.get().defaultRegion,
    send: (toExtension, body) => account.sendMessage(account.uriFor(toExtension), body, MESSAGE_CONTENT_TYPE),
    onChanged: () => broadcast('data.changed', { what: 'messages' }),
    onReceived: (message) => broadcast('messages.received', { id: message.id, fromName: message.fromName || message.fromExtension, callerName: message.callerName, urgency: message.urgency }),
  });
  courier.start();
  const tasks = createCallbackTasks({ db: database.db, clock, newId: () => uuidv7(), policy: () => settings.get().callbacks, zone: localZone, dial: (number) => calls.dial(number) });
  const tasksChanged = () => broadcast('data.changed', { what: 'tasks' });
  const colleaguesChanged = () => broadcast('data.changed', { what: 'colleagues' });
  const lineWatch = new LineWatch({
    clock,
    log: deps.log.child('busy-lamps'),
    subscribe: (extension, handlers) => account.subscribe(account.uriFor(extension), 'dialog', 'application/dialog-info+xml', handlers),
    onChanged: colleaguesChanged,
  });
  const directory = createColleagueDirectory({ db: database.db, newId: () => uuidv7(), lineOf: (extension) => lineWatch.lineOf(extension) });
  const watchDirectoryLines = async () => lineWatch.sync((await directory.list()).map((c) => c.extension));
  const beacons = new PresenceBeacons({
    clock,
    log: deps.log.child('presence'),
    directory,
    me: () => {
      if (account.registration.status !== 'registered') return null;
      const extension = myExtension();
      const onCall = calls.calls.some((c) => c.state === 'active' || c.state === 'answering' || c.state === 'dialing');
      return { extension, status: onCall ? 'on-call' : settings.get().availability === 'away' ? 'away' : 'available' };
    },
    send: (extension, beacon) => account.sendMessage(account.uriFor(extension), JSON.stringify(beacon), PRESENCE_CONTENT_TYPE),
    onChanged: colleaguesChanged,
  });
  beacons.start();

  const applyAccount = () => account.configure(settings.get().account, secrets.getPassword());
  const stopSettings = settings.onChange(() => {
    applyAccount();
    calls.refresh();
    broadcast('settings.changed', settingsView());
    beacons.changed();
  });
  const stopPower = deps.power?.onResume(() => account.notifyResume());
  applyAccount();

  /** Everyone whose calls are on this machine (their SIP addresses). */
  const callAgents = async () => (await database.db.selectFrom('calls').select('agent').distinct().where('agent', '!=', '').orderBy('agent').execute()).map((r) => r.agent);

  /** Per window: whether it entered the admin PIN, and until when. */
  interface ClientSession {
    adminUntil: number;
  }
  /** What decides whether the set-up guide may set the first admin PIN (decision 0016). */
  const firstPinDesk = async () => ({
    pinSet: await adminPin.isSet(),
    setupGuide: settings.get().setupGuide,
    callsTaken: (await database.db.selectFrom('calls').select('id').limit(1).executeTakeFirst()) !== undefined,
  });
  const adminStatus = async (session: ClientSession) => {
    const desk = await firstPinDesk();
    return { pinSet: desk.pinSet, firstPinOpen: firstPinOpen(desk), unlocked: session.adminUntil > clock.now() };
  };
  const requireAdmin = async (session: ClientSession) => {
    if (session.adminUntil <= clock.now()) {
      throw (await adminPin.isSet())
        ? new RpcError('admin-locked', 'This needs the admin PIN.')
        : new RpcError('admin-no-pin', 'Set an admin PIN first: export, retention and recording settings are for admins only.');
    }
    session.adminUntil = clock.now() + ADMIN_UNLOCK_MS;
  };

  const handlersFor = (session: ClientSession): Omit<Handlers<CoreMethods>, 'session.hello'> => ({
    'settings.get': () => settingsView(),
    'settings.update': async (patch) => {
      const before = settings.get();
      const changed = changedAdminSettings(before, patch);
      if (changed.length > 0) await requireAdmin(session);
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
          deps.recordingKeys.current();
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          throw new RpcError('recording-key', detail, { detail });
        }
      }
      const after = settings.update(patch);
      if (changed.length > 0) {
        await audit.record(actor(), 'admin-settings-changed', Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])));
      }
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
    'practice.start': async () => {
      if (!media.hasHost()) throw new RpcError('no-media', 'No Ringside window is open to carry the audio of the call.');
      if (practice.busy || calls.calls.some((c) => c.state !== 'ended')) {
        throw new RpcError('line-busy-practice', 'Finish the current call before starting a practice call.');
      }
      const { id, locale } = settings.get().script;
      const scenario = practiceScenarios.forScript(id, locale);
      if (!scenario) throw new RpcError('no-practice-scenario', 'This Ringside has no practice caller installed.');
      await practice.start(scenario);
      return { scenarioId: scenario.id, locale: scenario.locale, callerName: scenario.caller.displayName };
    },
    'phone.hold': async ({ callId, on }) => {
      await calls.hold(callId, on);
      return {};
    },
    'phone.dtmf': async ({ callId, tones }) => ({ via: await calls.sendDtmf(callId, tones) }),
    'colleagues.list': () => directory.list(),
    'colleagues.save': async (input) => {
      const saved = await directory.save(input);
      broadcast('data.changed', { what: 'colleagues' });
      beacons.changed(true);
      await watchDirectoryLines();
      return saved;
    },
    'colleagues.remove': async ({ id }) => {
      await directory.remove(id);
      await watchDirectoryLines();
      broadcast('data.changed', { what: 'colleagues' });
      return {};
    },
    'tasks.open': () => tasks.open(),
    'tasks.create': async (task) => {
      const created = await tasks.create(task);
      tasksChanged();
      return created;
    },
    'tasks.callBack': async ({ taskId }) => {
      const callId = await tasks.callBack(taskId);
      tasksChanged();
      return { callId };
    },
    'tasks.complete': async ({ taskId }) => {
      await tasks.complete(taskId);
      tasksChanged();
      return {};
    },
    'messages.send': async (input) => courier.take(input),
    'messages.list': async ({ box, limit }) => ({ messages: await messages.list(box, limit), unread: await messages.unread() }),
    'messages.setStatus': async ({ id, status }) => {
      const me = settings.get().account.displayName || actor();
      if (!(await messages.setStatus(id, 'received', status, me, clock.now()))) throw new RpcError('no-such-message', 'That message is not in your inbox.');
      broadcast('data.changed', { what: 'messages' });
      return {};
    },
    'phone.dial': async ({ target }) => ({ callId: await calls.dial(target) }),
    'phone.consult': async ({ callId, target, note }) => ({ consultCallId: await calls.consult(callId, target, { ...note, transfers: 0 }) }),
    'phone.completeTransfer': async ({ callId }) => ({ result: await calls.completeTransfer(callId) }),
    'phone.cancelTransfer': async ({ callId }) => {
      await calls.cancelTransfer(callId);
      return {};
    },
    'phone.blindTransfer': async ({ callId, target }) => ({ result: await calls.blindTransfer(callId, target) }),
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
    'contacts.capture': async ({ contactId, field, value }) => {
      const contact = await contacts.capture(contactId, field, value);
      await calls.refreshCards();
      broadcast('data.changed', { what: 'contacts' });
      return contact;
    },
    'contacts.saveCallCard': async ({ callId, contact, captured }) => {
      const saved = await contacts.saveForCall(callId, contact, captured);
      await calls.refreshCards();
      broadcast('data.changed', { what: 'contacts' });
      return saved;
    },
    'contacts.search': ({ query, limit }) => contacts.search(query, limit),
    'contacts.cardForNumber': ({ number }) => contacts.cardForNumber(number),
    'contacts.delete': async ({ id }) => {
      const result = await deleteContact({ db: database.db, clock }, id, actor());
      await calls.refreshCards();
      broadcast('data.changed', { what: 'contacts' });
      broadcast('data.changed', { what: 'calls' });
      return result;
    },
    'contacts.importCsv': async ({ text }) => {
      const report = await importContactsCsv({ db: database.db, clock, region: settings.get().defaultRegion }, text);
      await calls.refreshCards();
      broadcast('data.changed', { what: 'contacts' });
      return report;
    },
    'calls.list': (query) => callRecords.list(query),
    'calls.wrapUp': async (wrapUp) => {
      await callRecords.wrapUp(wrapUp, clock.now());
      broadcast('data.changed', { what: 'calls' });
      // A next step with a time becomes a call-back task for whoever does it (R23, R27).
      const call = wrapUp.nextStepAt !== null ? await callRecords.find(wrapUp.callId) : null;
      if (call && !call.practice && wrapUp.nextStepAt !== null && call.remoteNumber) {
        await tasks.create({
          source: 'wrap-up',
          name: call.contactName || call.remoteDisplayName,
          number: call.remoteE164 ?? call.remoteNumber,
          due: { at: wrapUp.nextStepAt },
          owner: wrapUp.nextStepWho,
          note: wrapUp.nextStepWhat,
          originId: call.id,
        });
        tasksChanged();
      }
      return {};
    },
    'recordings.chunk': async ({ callId, seq, data, startedAt }) => {
      if (settings.get().recordingPolicy === 'never') throw new RpcError('recording-off', 'Recording is turned off in Settings: nothing was saved.');
      await recordings.append(callId, seq, Buffer.from(data, 'base64'), startedAt);
      return {};
    },
    'recordings.pause': async ({ callId, paused }) => {
      if (paused) await pauses.pause(callId, actor());
      else await pauses.resume(callId);
      return {};
    },
    'recordings.finish': async ({ callId }) => {
      await pauses.resume(callId);
      await recordings.finish(callId);
      return {};
    },
    'recordings.consent': async ({ callId, played }) => {
      const { consent } = settings.get();
      await callRecords.update(callId, { consentAnnouncement: played || consent.announcement === 'off' ? announcementLabel(consent) : 'not played', consentBeepSeconds: consent.beepEverySeconds });
      return {};
    },
    'recordings.forCall': ({ callId }) => recordingsForCall(database.db, callId),
    'recordings.peaks': async ({ recordingId }) => {
      const row = await finishedRecording(recordingId);
      if (!row) throw new RpcError('not-found', 'This recording is not available (still being written, or deleted).');
      return loadPeaks(join(deps.dataDir, row.file), recordingKeys).catch((error: unknown) => {
        throw asRecordingRpcError(error);
      });
    },

    'admin.status': () => adminStatus(session),
    'admin.setPin': async ({ pin, currentPin }) => {
      await adminPin.change(pin, currentPin);
      await audit.record(actor(), 'admin-pin-changed', {});
      session.adminUntil = clock.now() + ADMIN_UNLOCK_MS;
      return adminStatus(session);
    },
    'setup.setFirstAdminPin': async ({ pin }) => {
      assertFirstPinOpen(await firstPinDesk());
      await adminPin.setFirst(pin);
      await audit.record(actor(), 'admin-pin-set', { from: 'set-up guide' });
      session.adminUntil = clock.now() + ADMIN_UNLOCK_MS;
      return adminStatus(session);
    },
    'admin.unlock': async ({ pin }) => {
      await adminPin.check(pin);
      session.adminUntil = clock.now() + ADMIN_UNLOCK_MS;
      return adminStatus(session);
    },
    'admin.lock': () => {
      session.adminUntil = 0;
      return adminStatus(session);
    },
    'admin.auditLog': async ({ limit }) => {
      await requireAdmin(session);
      return audit.list(limit);
    },
    'admin.refusedTraffic': async ({ days }) => {
      await requireAdmin(session);
      return refusedTraffic.summary(clock.now() - days * 86_400_000);
    },
    'admin.setAnnouncement': async ({ fileName, data }) => {
      await requireAdmin(session);
      const customFile = saveAnnouncement(deps.dataDir, fileName, Buffer.from(data, 'base64'));
      settings.update({ consent: { announcement: 'custom', customFile } });
      await audit.record(actor(), 'admin-settings-changed', { consent: { announcement: 'custom', customFile } });
      return settingsView();
    },

    'scripts.list': () => scripts.list(),
    'scripts.get': ({ id, locale }) => scripts.get(id, locale),
    'scripts.save': async ({ script }) => {
      await requireAdmin(session);
      const saved = await scripts.save(script, actor());
      broadcast('data.changed', { what: 'scripts' });
      return saved;
    },
    'scripts.import': async ({ json }) => {
      await requireAdmin(session);
      const saved = await scripts.import(json, actor());
      broadcast('data.changed', { what: 'scripts' });
      return saved;
    },
    'scripts.delete': async ({ id, locale }) => {
      await requireAdmin(session);
      await scripts.delete(id, locale, actor(), settings.get().script);
      broadcast('data.changed', { what: 'scripts' });
      return {};
    },
    'scripts.saveProgress': async ({ callId, progress }) => {
      await progressStore.save(callId, progress);
      return {};
    },
    'scripts.progress': ({ callId }) => progressStore.load(callId),

    'stats.desk': ({ period, agent }) => statsByDays(period, agent),
    'export.agents': async () => {
      await requireAdmin(session);
      return callAgents();
    },
    'stats.agents': () => callAgents(),
    'scoring.card': () => scoring.card(),
    'scoring.saveCard': async ({ card }) => {
      await requireAdmin(session);
      await scoring.saveCard(card, actor());
      broadcast('data.changed', { what: 'scores' });
      return {};
    },
    'scoring.resetCard': async () => {
      await requireAdmin(session);
      await scoring.resetCard(actor());
      broadcast('data.changed', { what: 'scores' });
      return {};
    },
    'scoring.calls': async (query) => {
      await requireAdmin(session);
      return scoring.rows(query);
    },
    'scoring.mine': ({ limit }) => scoring.rows({ agent: actor(), scored: 'scored', includePractice: true, limit }),
    'scoring.view': async ({ callId }) => {
      const view = await scoring.view(callId);
      if (view.agent !== actor()) await requireAdmin(session);
      return view;
    },
    'scoring.save': async (input) => {
      await requireAdmin(session);
      const saved = await scoring.save(input, actor());
      broadcast('data.changed', { what: 'scores' });
      return saved;
    },
    'scoring.averages': async ({ period, timeZone }) => {
      await requireAdmin(session);
      return scoring.averages(period, timeZone);
    },
    'export.preview': async ({ filter }) => {
      await requireAdmin(session);
      const selected = await selectRecordings(database.db, filter);
      return { calls: new Set(selected.map((r) => r.callId)).size, recordings: selected.length, bytes: selected.reduce((sum, r) => sum + r.bytes, 0) };
    },
    'export.start': async ({ filter, format }) => {
      await requireAdmin(session);
      return { exportId: exports.start({ filter, format, actor: actor() }) };
    },
    'export.cancel': ({ exportId }) => {
      exports.cancel(exportId);
      return {};
    },

    'retention.preview': async ({ days }) => {
      await requireAdmin(session);
      return listExpiredRecordings(database.db, days, clock.now());
    },
    'retention.delete': async ({ days, recordingIds }) => {
      await requireAdmin(session);
      const { deleted } = await deleteExpiredRecordings({ db: database.db, dataDir: deps.dataDir }, { days, recordingIds }, clock.now());
      const bytes = deleted.reduce((sum, r) => sum + r.bytes, 0);
      await audit.record(actor(), 'retention-delete', { days, confirmed: recordingIds.length, deleted: deleted.length, bytes, recordings: deleted.map((r) => r.recordingId) });
      broadcast('data.changed', { what: 'recordings' });
      return { deleted: deleted.length, bytes };
    },
  });

  const finishedRecording = (id: string) =>
    database.db.selectFrom('recordings').select(['file', 'mime_type']).where('id', '=', id).where('status', 'in', ['final', 'recovered']).executeTakeFirst();

  return {
    onEvent(name, listener) {
      const entry = { name, listener: listener as (payload: never) => void };
      hostListeners.add(entry);
      return () => hostListeners.delete(entry);
    },
    attachClient(port) {
      const peer: ClientPeer = new RpcPeer({
        port,
        outgoing: mediaMethods,
        incoming: coreMethods,
        outgoingEvents: coreEvents,
        incomingEvents: clientEvents,
        handlers: {
          ...handlersFor({ adminUntil: 0 }),
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
      peer.on('media.dead', ({ sessionId, reason }) => void calls.endDeadMedia(sessionId, reason));
      clients.add(peer);
      return () => {
        clients.delete(peer);
        media.releaseHost(peer);
        peer.close();
      };
    },
    async resolveMedia(path) {
      const [kind, name = ''] = path.split('/', 2);
      if (kind === 'recordings') {
        const row = await finishedRecording(name);
        if (!row) return null;
        const file = join(deps.dataDir, row.file);
        if (recordingFileKeyId(file) === null) return { file, mime: 'audio/webm' };
        try {
          return { file, mime: 'audio/webm', content: recordingBytes(readFileSync(file), recordingKeys) };
        } catch (error) {
          log.warn('An encrypted recording could not be opened', { recordingId: name, error: error instanceof Error ? error.message : String(error) });
          return null;
        }
      }
      if (kind === 'exports' && /^ringside-recordings-[\w-]+\.zip$/.test(name)) {
        const file = join(deps.dataDir, 'exports', name);
        return existsSync(file) ? { file, mime: 'application/zip', downloadName: name } : null;
      }
      if (kind === 'announcements') return announcementFile(settings.get().consent, deps.dataDir, deps.resourcesDir);
      if (kind === 'practice' && /^practice\/[a-z0-9-]+\.(en|ru|el)\/[a-z0-9-]+\.ogg$/.test(path)) {
        const file = join(deps.resourcesDir, path);
        return existsSync(file) ? { file, mime: 'audio/ogg' } : null;
      }
      return null;
    },
    async dispose() {
      await recovered;
      await exports.cancelAll();
      stopSettings();
      stopPower?.();
      mediaWatch.dispose();
      await calls.dispose();
      await practice.dispose();
      courier.dispose();
      await beacons.farewell();
      lineWatch.stop();
      statsDays.dispose();
      await account.dispose();
      await recordings.finishAll();
      // A last try for rows a full disk held back; what still does not fit is lost with the memory.
      if (!(await keptWrites.flush())) log.error('The disk is still full: rows of calls and recordings could not be saved', { rows: keptWrites.pending() });
      keptWrites.dispose();
      for (const client of clients) client.close();
      clients.clear();
    },
  };
}
