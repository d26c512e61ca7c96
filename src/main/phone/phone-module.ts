import type { Message, Session } from 'sip.js';
import type { RegistrationState } from '../../shared/ipc/phone.ts';
import type { PowerEvents } from '../app/power-events.ts';
import type { ModuleContext, CoreModule } from '../core/core-module.ts';
import { answerMediaIn, createAnswerPreparation } from '../media/answer-preparation.ts';
import { MediaBridge } from '../media/media-bridge.ts';
import { MediaHostWatch } from '../media/media-host-watch.ts';
import type { SecretStore } from '../settings/secret-store.ts';
import { BridgeSessionDescriptionHandler } from './bridge-session-description-handler.ts';
import { createCallEventEmitter } from './call-events.ts';
import { CallManager } from './call-manager.ts';
import { createCallRowsWriter } from '../calls/call-rows-writer.ts';
import { orphanedDialogs } from './orphaned-dialogs.ts';
import { createPbxTrust, tlsProblem } from './pbx-trust.ts';
import { SipAccount } from './sip-account.ts';
import { sipInstanceId } from './sip-instance-id.ts';

/** A media request made while no window is open (one being reloaded) waits this long for one. */
const MEDIA_HOST_WAIT_MS = 10_000;
/** A window that went away mid-call (closed, crashed) has this long to come back and take the call back. */
const MEDIA_HOST_GRACE_MS = 20_000;

/** What the phone tells the domains that follow it closely (presence, busy lamps, desk-to-desk messages). */
export interface PhoneHooks {
  callsChanged(): void;
  registrationChanged(state: RegistrationState): void;
  message(message: Message): void;
}

export type PhoneMethod =
  | 'phone.setAvailability'
  | 'phone.answer'
  | 'phone.hangup'
  | 'phone.decline'
  | 'phone.hold'
  | 'phone.dtmf'
  | 'phone.dial'
  | 'phone.consult'
  | 'phone.completeTransfer'
  | 'phone.cancelTransfer'
  | 'phone.blindTransfer'
  | 'phone.reconnect';

/** The SIP account, the live calls and the window that carries their audio. */
export function createPhoneModule(
  ctx: ModuleContext,
  deps: {
    secrets: SecretStore;
    power?: PowerEvents;
    /** Crash recovery: calls an earlier run left open are closed before their callers get a BYE. */
    recovered: Promise<unknown>;
    startedAt: number;
    finishRecording(callId: string): void;
    hooks: PhoneHooks;
  },
) {
  const { clock, settings, stores, bus } = ctx;
  const log = ctx.log.child('core');
  const media = new MediaBridge({ clock, hostWaitMs: MEDIA_HOST_WAIT_MS });
  const sessionIds = new WeakMap<Session, string>();
  // Every change of the live calls: the domain events, and each ringing call's media prepared in the window.
  const followCalls = [createCallEventEmitter(bus), createAnswerPreparation(answerMediaIn(media, log))];

  const calls = new CallManager({
    clock,
    log: ctx.log.child('calls'),
    newId: ctx.newId,
    ringPolicy: () => settings.get().ringPolicy,
    availability: () => settings.get().availability,
    bindSession: (session: Session, callId: string) => sessionIds.set(session, callId),
    sendDtmfInMedia: async (callId, tones) => (await media.call('media.sendDtmf', { sessionId: callId, tones })).sent,
    uriFor: (target) => account.uriFor(target),
    makeInviter: (target, extraHeaders) => account.makeInviter(target, extraHeaders),
    onCallsChanged: (live) => {
      for (const follow of followCalls) follow(live);
      ctx.broadcast('phone.calls', live);
      deps.hooks.callsChanged();
    },
    // The calls' rows follow the phone's facts (the manager never writes them itself).
    onCallFact: createCallRowsWriter({
      log: ctx.log.child('calls'),
      insert: (row) => stores.office.calls.insert({ ...row, agent: ctx.actor() }),
      update: (id, patch) => stores.office.calls.update(id, patch),
      stored: (callId) => bus.emit('call.stored', { callId }),
    }),
    store: {
      cardForNumber: (number) => stores.office.contacts.cardForNumber(number),
      recordRefused: (refusal) => stores.desk.refusedTraffic.record(refusal),
      insertTransfer: (transfer) => stores.office.transfers.insert({ ...transfer, fromAgent: ctx.actor() }),
      finishTransfer: (id, result, detail, endedAt) => stores.office.transfers.finish(id, result, detail, endedAt),
      linkConsult: (id, consultCallId) => stores.office.transfers.linkConsult(id, consultCallId),
      rememberDialog: (id, dialog) => stores.desk.dialogs.remember(id, dialog),
      forgetDialog: (id) => stores.desk.dialogs.forget(id),
    },
  });

  const mediaWatch = new MediaHostWatch({
    clock,
    log: ctx.log.child('media'),
    graceMs: MEDIA_HOST_GRACE_MS,
    callsWithMedia: () => calls.callsWithMedia(),
    isLive: (callId) => calls.isLive(callId),
    lost: (callId) => {
      calls.setMediaProblem(callId, { code: 'media-window-lost', params: { target: '', detail: '' } });
      void stores.office.calls.markMediaLost(callId, clock.now()).catch((error: unknown) => log.error('Could not mark the call as without audio', { callId, error: String(error) }));
      // What the window sent is kept and playable; a window that takes the call back records anew.
      deps.finishRecording(callId);
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
    return new BridgeSessionDescriptionHandler(callId, media, ctx.log.child('media'), (hold) => calls.holdStateChanged(callId, hold));
  };

  const account = new SipAccount({
    clock,
    log: ctx.log.child('phone'),
    trust: createPbxTrust(),
    diagnoseTls: (serverUrl) => tlsProblem(serverUrl),
    mediaReady: () => media.hasHost(),
    instanceId: sipInstanceId(ctx.dataDir),
    sessionDescriptionHandlerFactory: deskMedia,
    onInvite: (invitation) => {
      calls.handleInvite(invitation).catch((error: unknown) => log.error('Incoming call failed', { error: String(error) }));
    },
    onMessage: (message) => deps.hooks.message(message),
    onStateChange: (state) => {
      log.info('Registration', { status: state.status, reason: state.reason });
      ctx.broadcast('phone.registration', state);
      // Calls an earlier run was on when it died (closed as interrupted at start): the callers get their BYE.
      if (state.status === 'registered') void deps.recovered.then(() => endOrphanedCalls.endAll());
      deps.hooks.registrationChanged(state);
    },
  });
  const endOrphanedCalls = orphanedDialogs({ store: stores.desk.dialogs, log: ctx.log.child('phone'), startedAt: deps.startedAt, sendBye: (dialog) => account.sendBye(dialog) });

  const applyAccount = () => account.configure(settings.get().account, deps.secrets.getPassword());
  const stopSettings = settings.onChange(() => {
    applyAccount();
    calls.refresh();
  });
  const stopPower = deps.power?.onResume(() => account.notifyResume());

  const module: CoreModule<PhoneMethod> = {
    handlers: {
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
      'phone.hold': async ({ callId, on }) => {
        await calls.hold(callId, on);
        return {};
      },
      'phone.dtmf': async ({ callId, tones }) => ({ via: await calls.sendDtmf(callId, tones) }),
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
    },
    async dispose() {
      stopSettings();
      stopPower?.();
      mediaWatch.dispose();
      await calls.dispose();
    },
  };
  return {
    ...module,
    media,
    calls,
    account,
    deskMedia,
    applyAccount,
    /** The account goes last: the other modules' farewells (presence) still go out through it. */
    disposeAccount: () => account.dispose(),
  };
}
