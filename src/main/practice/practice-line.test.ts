import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionState, type Invitation, type SessionDescriptionHandler } from 'sip.js';
import { systemClock } from '../../shared/clock.ts';
import { silentLogger as silentLog } from '../../shared/logger.ts';
import type { PracticeScenario } from '../../shared/scripts/practice-scenario.ts';
import { PracticeLine } from './practice-line.ts';


/** Offer/answer without a browser: each side "produces" a fixed SDP and remembers what it got. */
class FakeMedia implements SessionDescriptionHandler {
  received: string[] = [];
  closed = false;
  private readonly label: string;
  constructor(label: string) {
    this.label = label;
  }
  getDescription() {
    return Promise.resolve({ body: `v=0\r\ns=${this.label}\r\n`, contentType: 'application/sdp' });
  }
  setDescription(sdp: string) {
    this.received.push(sdp);
    return Promise.resolve();
  }
  hasDescription() {
    return true;
  }
  sendDtmf() {
    return false;
  }
  close() {
    this.closed = true;
  }
}

const scenario: PracticeScenario = {
  version: 1,
  id: 'inbound-sales',
  scriptId: 'inbound-sales',
  locale: 'el',
  caller: { displayName: 'Εξάσκηση: Ελένη', number: '+300000000001' },
  firstPauseMs: 4000,
  lines: [
    { id: '01-request', text: 'Καλημέρα σας!', pauseAfterMs: 5000 },
    { id: '02-goodbye', text: 'Καλή σας μέρα!', pauseAfterMs: 3000 },
  ],
};

/** Lets the in-memory wire (setImmediate) and sip.js's promise chains run. */
const settle = async () => {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('PracticeLine', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  function setup() {
    const invitations: Invitation[] = [];
    const said: { sessionId: string; path: string; at: number }[] = [];
    const deskMedia = new FakeMedia('desk');
    const callerMedia: FakeMedia[] = [];
    const callerSessions: string[] = [];
    const line = new PracticeLine({
      clock: systemClock,
      log: silentLog,
      newId: () => 'n1',
      deskMedia: () => deskMedia,
      callerMedia: (sessionId) => () => {
        callerSessions.push(sessionId);
        const media = new FakeMedia('caller');
        callerMedia.push(media);
        return media;
      },
      say: (sessionId, path) => {
        said.push({ sessionId, path, at: Date.now() });
        return Promise.resolve({ durationMs: 2000 });
      },
      onInvite: (invitation) => invitations.push(invitation),
    });
    return { line, invitations, said, deskMedia, callerMedia, callerSessions };
  }

  it('rings the desk through sip.js with the scenario caller, who speaks each line after the pause and hangs up at the end', async () => {
    const { line, invitations, said, deskMedia, callerMedia, callerSessions } = setup();
    await line.start(scenario);
    await settle();
    expect(invitations).toHaveLength(1);
    const invitation = invitations[0]!;
    expect(invitation.remoteIdentity.displayName).toBe('Εξάσκηση: Ελένη');
    expect(invitation.remoteIdentity.uri.user).toBe('+300000000001');
    expect(callerSessions).toEqual(['practice-caller:n1']);
    expect(line.busy).toBe(true);

    await invitation.accept();
    await settle();
    expect(invitation.state).toBe(SessionState.Established);
    // Offer and answer crossed the wire: each side got the other's SDP.
    expect(deskMedia.received[0]).toContain('s=caller');
    expect(callerMedia[0]!.received[0]).toContain('s=desk');

    const answeredAt = Date.now();
    await vi.advanceTimersByTimeAsync(3999);
    expect(said).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(said).toEqual([{ sessionId: 'practice-caller:n1', path: 'practice/inbound-sales.el/01-request.ogg', at: answeredAt + 4000 }]);
    // The clip lasts 2 s, then the agent has 5 s.
    await vi.advanceTimersByTimeAsync(6999);
    expect(said).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(said[1]?.path).toBe('practice/inbound-sales.el/02-goodbye.ogg');
    // After the last line and its pause the caller hangs up.
    await vi.advanceTimersByTimeAsync(2000 + 3000);
    await settle();
    expect(invitation.state).toBe(SessionState.Terminated);
    expect(line.busy).toBe(false);
  });

  it('stops talking when the agent hangs up, and takes a second practice call after it', async () => {
    const { line, invitations, said } = setup();
    await line.start(scenario);
    await settle();
    await invitations[0]!.accept();
    await settle();
    await invitations[0]!.bye();
    await settle();
    expect(line.busy).toBe(false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(said).toHaveLength(0);

    await line.start(scenario);
    await settle();
    expect(invitations).toHaveLength(2);
    await line.dispose();
  });

  it('refuses a second practice call while one is on', async () => {
    const { line } = setup();
    await line.start(scenario);
    await expect(line.start(scenario)).rejects.toThrow('A practice call is already on.');
    await line.dispose();
  });
});
