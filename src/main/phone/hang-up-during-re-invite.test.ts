import { afterEach, describe, expect, it } from 'vitest';
import { Inviter, UserAgent, type SessionDescriptionHandler, type SessionDescriptionHandlerOptions, type Transport, type URI } from 'sip.js';
import { systemClock } from '../../shared/clock.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { defaultSettings } from '../../shared/ipc/settings.ts';
import { silentLogger } from '../../shared/logger.ts';
import { InMemorySipWire } from '../practice/in-memory-sip-wire.ts';
import { CallManager } from './call-manager.ts';

/** Offer/answer without a browser; the desk's offers can be held back, as a window busy making one. */
class FakeMedia implements SessionDescriptionHandler {
  private gate: Promise<void> = Promise.resolve();
  openGate: () => void = () => undefined;
  holdNextOffer(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }
  async getDescription(options?: SessionDescriptionHandlerOptions & { hold?: boolean }) {
    await this.gate;
    return { body: `v=0\r\ns=fake\r\na=${options?.hold ? 'sendonly' : 'sendrecv'}\r\n`, contentType: 'application/sdp' };
  }
  setDescription() {
    return Promise.resolve();
  }
  hasDescription() {
    return true;
  }
  sendDtmf() {
    return false;
  }
  close() {}
}

/** Lets the in-memory wire (setImmediate) and sip.js's promise chains run. */
const settle = async () => {
  for (let i = 0; i < 30; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

const domain = 'practice.ringside.invalid';
let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

/** A desk and a caller joined by the in-memory wire (real sip.js both sides); `heard` is what reaches the caller, in order. */
async function connectedCall() {
  let calls: LiveCall[] = [];
  const manager = new CallManager({
    clock: systemClock,
    log: silentLogger,
    newId: () => 'call-1',
    ringPolicy: () => ({ ...defaultSettings.ringPolicy, answerOnRing: null }),
    availability: () => 'available',
    onCallsChanged: (live) => (calls = live),
    onCallFact: () => Promise.resolve(),
    bindSession: () => undefined,
    sendDtmfInMedia: () => Promise.resolve(true),
    uriFor: () => ({}) as URI,
    makeInviter: () => {
      throw new Error('no outgoing calls here');
    },
    store: {
      cardForNumber: (number) => Promise.resolve({ match: 'none', number, contact: null, recentCalls: [] }),
      recordRefused: () => Promise.resolve(),
      insertTransfer: () => Promise.resolve(),
      finishTransfer: () => Promise.resolve(),
      linkConsult: () => Promise.resolve(),
      rememberDialog: () => Promise.resolve(),
      forgetDialog: () => Promise.resolve(),
    },
  });
  const wire = new InMemorySipWire();
  const heard: string[] = [];
  // The wire's transports take each message through receive(): the caller's end is watched there.
  const CallerEnd = wire.transportFor('caller') as new () => Transport & { receive(message: string): void };
  const common = { viaHost: domain, logBuiltinEnabled: false, logLevel: 'error' as const };
  const deskMedia = new FakeMedia();
  const desk = new UserAgent({
    ...common,
    uri: UserAgent.makeURI(`sip:desk@${domain}`),
    transportConstructor: wire.transportFor('desk'),
    sessionDescriptionHandlerFactory: () => deskMedia,
    delegate: { onInvite: (invitation) => void manager.handleInvite(invitation, 'practice') },
  });
  const caller = new UserAgent({
    ...common,
    uri: UserAgent.makeURI(`sip:1001@${domain}`),
    transportConstructor: class extends CallerEnd {
      override receive(message: string): void {
        heard.push(message.slice(0, message.indexOf(' ')));
        super.receive(message);
      }
    },
    sessionDescriptionHandlerFactory: () => new FakeMedia(),
  });
  await desk.start();
  await caller.start();
  stop = async () => {
    await manager.dispose();
    await caller.stop();
    await desk.stop();
  };
  const inviter = new Inviter(caller, UserAgent.makeURI(`sip:desk@${domain}`)!);
  await inviter.invite();
  await settle();
  await manager.answer('call-1');
  await settle();
  return { manager, deskMedia, heard, inviter, live: () => calls[0] };
}

describe('Hang up while a hold or resume is on its way', () => {
  it('ends the call with a BYE sent after the re-INVITE (never an INVITE after the BYE), and the resume reports no refusal', async () => {
    const { manager, deskMedia, heard, live } = await connectedCall();
    expect(live()?.state).toBe('active');
    await manager.hold('call-1', true);
    await settle();

    // The window is still making the resume's offer when Hang up is pressed.
    deskMedia.holdNextOffer();
    const resuming = manager.hold('call-1', false).then(
      () => 'settled',
      (error: unknown) => `refused: ${String(error)}`,
    );
    await settle();
    heard.length = 0;
    const hangingUp = manager.hangup('call-1');
    await settle();
    deskMedia.openGate();
    await hangingUp;
    await settle();

    expect(live()).toMatchObject({ state: 'ended', endedBy: 'agent', endReason: 'agent-hung-up' });
    const bye = heard.indexOf('BYE');
    expect(bye).toBeGreaterThanOrEqual(0);
    expect(heard.slice(bye)).not.toContain('INVITE');
    expect(await resuming).toBe('settled');
  });

  it('ends the call at once when no re-INVITE is under way', async () => {
    const { manager, heard, live, inviter } = await connectedCall();
    heard.length = 0;
    await manager.hangup('call-1');
    await settle();
    expect(live()).toMatchObject({ state: 'ended', endedBy: 'agent', endReason: 'agent-hung-up' });
    expect(heard).toEqual(['BYE']);
    expect(inviter.state).toBe('Terminated');
  });
});
