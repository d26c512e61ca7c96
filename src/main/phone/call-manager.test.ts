import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionState, type Invitation, type URI } from 'sip.js';
import { systemClock } from '../../shared/clock.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { defaultSettings, type Availability, type RingPolicy } from '../../shared/ipc/settings.ts';
import { silentLogger as silentLog } from '../../shared/logger.ts';
import { CallManager, type CallManagerStore, type CallRecordPatch, type NewCallRecord, type NewTransferRecord, type RefusedInviteRecord } from './call-manager.ts';
import { createCallRowsWriter, type CallRowsWriterDeps } from '../calls/call-rows-writer.ts';
import { emptyContactProfile } from '../../shared/ipc/contacts.ts';
import { openDatabase } from '../db/open-database.ts';
import { createCallRepository } from '../calls/call-repository.ts';
import { createRefusedTrafficLog } from '../calls/refused-traffic-log.ts';
import { createContactRepository } from '../contacts/contact-repository.ts';
import { createSqliteCardLookup } from '../contacts/sqlite-card-lookup.ts';
import { deskStats } from '../stats/desk-stats.ts';
import { INVITE_REFILL_MS } from './invite-rate-limit.ts';
import type { StoredDialog } from './orphaned-dialogs.ts';


/** Just enough of a sip.js Invitation to drive the manager. */
class FakeInvitation {
  state: SessionState = SessionState.Initial;
  delegate: { onCancel?(cancel: { request: { getHeader(name: string): string | undefined } }): void } | undefined;
  readonly listeners: ((state: SessionState) => void)[] = [];
  readonly stateChange = { addListener: (l: (state: SessionState) => void) => this.listeners.push(l) };
  readonly remoteIdentity: { uri: { user: string }; displayName: string };
  readonly request: { callId: string; getHeader(name: string): string | undefined; getHeaders(name: string): string[] };
  readonly replacee = undefined;
  rejectedWith: number | null = null;
  /** The INVITE's body: none by default (a late offer). */
  body: string | undefined = undefined;
  accepted = false;
  progressed = false;
  /** sip.js's dialog once answered (the fields a stored dialog takes), when a test gives one. */
  dialog: object | undefined = undefined;

  /** `headers`: the INVITE's own (Via, Expires), lower-case names. */
  constructor(user: string, displayName = '', headers: Record<string, string> = {}) {
    this.remoteIdentity = { uri: { user }, displayName };
    this.request = {
      callId: 'call-id@test',
      getHeader: (name) => headers[name.toLowerCase()],
      getHeaders: (name) => (headers[name.toLowerCase()] === undefined ? [] : [headers[name.toLowerCase()]!]),
    };
  }
  progress() {
    if (this.state !== SessionState.Initial) throw new Error('180 after a final answer');
    this.progressed = true;
    return Promise.resolve();
  }
  /** Headers of the 200 OK this desk answered with (session timer). */
  acceptHeaders: string[] = [];
  accept(options?: { extraHeaders?: string[] }) {
    this.acceptHeaders = options?.extraHeaders ?? [];
    this.accepted = true;
    this.moveTo(SessionState.Establishing);
    this.moveTo(SessionState.Established);
    return Promise.resolve();
  }
  retryAfter: string | undefined;
  reject(options: { statusCode: number; extraHeaders?: string[] }) {
    this.rejectedWith = options.statusCode;
    this.retryAfter = options.extraHeaders?.find((h) => h.startsWith('Retry-After:'));
    this.moveTo(SessionState.Terminated);
    return Promise.resolve();
  }
  byes = 0;
  bye() {
    this.byes++;
    this.moveTo(SessionState.Terminated);
    return Promise.resolve();
  }
  /** What sip.js does with the far end's re-INVITE: answers it 200 (here with no SDP work). */
  onInviteRequest(request: { accept(options: { statusCode: number; extraHeaders?: string[] }): unknown }) {
    request.accept({ statusCode: 200, extraHeaders: ['Contact: <sip:desk@test>'] });
  }
  /** The far end sends a re-INVITE; returns the headers of the 200 OK it got. */
  farEndReInvites(): string[] {
    let headers: string[] = [];
    this.onInviteRequest({ accept: (options) => (headers = options.extraHeaders ?? []) });
    return headers;
  }
  /** Re-INVITEs (hold, resume): answered by the test with `answerReInvite`. */
  readonly reInvites: { hold: boolean; headers: string[]; accept(): void; reject(code: number): void }[] = [];
  /** When a re-INVITE is on the wire: at once, unless a test makes the window slow to give its offer. */
  reInviteSent: Promise<void> = Promise.resolve();
  invite(options: { requestOptions?: { extraHeaders?: string[] }; sessionDescriptionHandlerOptions: { hold: boolean }; requestDelegate: { onAccept(): void; onReject(r: { message: { statusCode: number; reasonPhrase: string } }): void } }) {
    this.reInvites.push({
      hold: options.sessionDescriptionHandlerOptions.hold,
      headers: options.requestOptions?.extraHeaders ?? [],
      accept: () => options.requestDelegate.onAccept(),
      reject: (code) => options.requestDelegate.onReject({ message: { statusCode: code, reasonPhrase: 'Not Acceptable Here' } }),
    });
    return this.reInviteSent;
  }
  readonly refers: { target: string; notify(body: string): void; reject(code: number, phrase: string): void }[] = [];
  refer(uri: { user: string }, options: { onNotify(n: { request: { body: string }; accept(): Promise<void> }): void; requestDelegate: { onReject(r: { message: { statusCode: number; reasonPhrase: string } }): void } }) {
    this.refers.push({
      target: uri.user,
      notify: (body) => options.onNotify({ request: { body }, accept: () => Promise.resolve() }),
      reject: (statusCode, reasonPhrase) => options.requestDelegate.onReject({ message: { statusCode, reasonPhrase } }),
    });
    return Promise.resolve();
  }
  readonly infos: string[] = [];
  info(options: { requestOptions: { body: { content: string } } }) {
    this.infos.push(options.requestOptions.body.content);
    return Promise.resolve();
  }
  callerCancels(reason?: string) {
    this.delegate?.onCancel?.({ request: { getHeader: () => reason } });
    this.moveTo(SessionState.Terminated);
  }
  moveTo(state: SessionState) {
    this.state = state;
    for (const l of this.listeners) l(state);
  }
}

function setup(options: { policy?: Partial<RingPolicy>; availability?: Availability; dtmfInMedia?: boolean; lookupMs?: number; store?: Partial<CallManagerStore>; rows?: Pick<CallRowsWriterDeps, 'insert' | 'update'> } = {}) {
  const policy: RingPolicy = { ...defaultSettings.ringPolicy, ...options.policy };
  let availability: Availability = options.availability ?? 'available';
  const inserted: NewCallRecord[] = [];
  const refused: RefusedInviteRecord[] = [];
  const patches = new Map<string, CallRecordPatch>();
  const dialogs = new Map<string, StoredDialog>();
  const transfers = new Map<string, NewTransferRecord & { result: string; detail: string }>();
  let snapshots: LiveCall[][] = [];
  let nextId = 1;
  const manager = new CallManager({
    clock: systemClock,
    log: silentLog,
    newId: () => `call-${nextId++}`,
    ringPolicy: () => policy,
    availability: () => availability,
    onCallsChanged: (calls) => snapshots.push(calls),
    onCallFact: createCallRowsWriter({
      log: silentLog,
      stored: () => undefined,
      insert: (call) => {
        inserted.push(call);
        return Promise.resolve();
      },
      update: (id, patch) => {
        patches.set(id, { ...patches.get(id), ...patch });
        return Promise.resolve();
      },
      ...options.rows,
    }),
    bindSession: () => {},
    sendDtmfInMedia: () => Promise.resolve(options.dtmfInMedia ?? true),
    makeInviter: () => {
      throw new Error('no outgoing calls in these tests');
    },
    uriFor: (target) => {
      if (!/^\d+$/.test(target)) throw new Error(`bad target ${target}`);
      return { user: target } as unknown as URI;
    },
    store: {
      recordRefused: (refusal) => {
        refused.push(refusal);
        return Promise.resolve();
      },
      cardForNumber: async (number) => {
        // A slow database: INVITEs keep arriving while a card is looked up.
        if (options.lookupMs) await new Promise((resolve) => setTimeout(resolve, options.lookupMs));
        return number === '6001'
            ? { match: 'number' as const, number, contact: { id: 'c1', name: 'Eleni Georgiou', organization: '', position: '', email: '', category: null, notes: '', phones: [], profile: emptyContactProfile, createdAt: 0, updatedAt: 0 }, recentCalls: [] }
            : { match: 'none' as const, number, contact: null, recentCalls: [] };
      },
      insertTransfer: (transfer) => {
        transfers.set(transfer.id, { ...transfer, result: 'pending', detail: '' });
        return Promise.resolve();
      },
      linkConsult: () => Promise.resolve(),
      finishTransfer: (id, result, detail) => {
        const stored = transfers.get(id);
        if (stored) transfers.set(id, { ...stored, result, detail });
        return Promise.resolve();
      },
      rememberDialog: (id, dialog) => {
        dialogs.set(id, dialog);
        return Promise.resolve();
      },
      forgetDialog: (id) => {
        dialogs.delete(id);
        return Promise.resolve();
      },
      ...options.store,
    },
  });
  const ring = async (user: string, displayName?: string, headers?: Record<string, string>) => {
    const invitation = new FakeInvitation(user, displayName, headers);
    await manager.handleInvite(invitation as unknown as Invitation);
    return invitation;
  };
  /** An INVITE handed over without waiting for its card lookup, as a burst arrives. */
  const arrive = (user: string, headers?: Record<string, string>) => {
    const invitation = new FakeInvitation(user, '', headers);
    const handled = manager.handleInvite(invitation as unknown as Invitation);
    return { invitation, handled };
  };
  return {
    manager,
    ring,
    arrive,
    inserted,
    refused,
    patches,
    transfers,
    dialogs,
    last: () => snapshots.at(-1) ?? [],
    setAvailability: (next: Availability) => {
      availability = next;
      manager.refresh();
    },
    clearSnapshots: () => (snapshots = []),
  };
}

describe('CallManager', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-22T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the card while it rings and answers by itself when ring 2 completes (6 s)', async () => {
    const t = setup();
    const invitation = await t.ring('6001', 'Eleni');
    expect(invitation.progressed).toBe(true);
    expect(t.last()[0]).toMatchObject({ state: 'ringing', ring: 1, ringPhase: 'on', autoAnswerOnRing: 2 });
    expect(t.last()[0]?.card.contact?.name).toBe('Eleni Georgiou');

    await vi.advanceTimersByTimeAsync(5999);
    expect(invitation.accepted).toBe(false);
    expect(t.last()[0]).toMatchObject({ ring: 2, ringPhase: 'on' });

    await vi.advanceTimersByTimeAsync(1);
    expect(invitation.accepted).toBe(true);
    expect(t.last()[0]?.state).toBe('active');
    const stored = t.patches.get('call-1');
    expect(stored).toMatchObject({ rings: 2, answerMs: 6000, autoAnswered: true, status: 'answered' });
  });

  it('stores an answered call’s SIP dialog while it is on, and forgets it when it ends; a practice call’s is never stored', async () => {
    const t = setup({ policy: { answerOnRing: null } });
    const uri = (text: string) => ({ toString: () => text });
    const sipDialog = { callId: 'abc@pbx', localTag: 'lt', remoteTag: 'rt', localURI: uri('sip:100@pbx'), remoteURI: uri('sip:6001@pbx'), remoteTarget: uri('sip:6001@10.0.0.9;transport=ws'), routeSet: ['<sip:pbx;lr>'], localSequenceNumber: undefined };
    const invitation = await t.ring('6001');
    invitation.dialog = sipDialog;
    expect(t.dialogs.size).toBe(0);
    await t.manager.answer(t.last()[0]!.id);
    await vi.advanceTimersByTimeAsync(0);
    const callId = t.last()[0]!.id;
    expect(t.dialogs.get(callId)).toEqual({ sipCallId: 'abc@pbx', localTag: 'lt', remoteTag: 'rt', localUri: 'sip:100@pbx', remoteUri: 'sip:6001@pbx', remoteTarget: 'sip:6001@10.0.0.9;transport=ws', routeSet: ['<sip:pbx;lr>'], localCseq: 0 });
    invitation.moveTo(SessionState.Terminated);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.last()[0]).toMatchObject({ id: callId, state: 'ended', endReason: 'caller-hung-up' });
    expect(t.dialogs.size).toBe(0);

    await vi.advanceTimersByTimeAsync(10_000);
    const practice = new FakeInvitation('practice');
    practice.dialog = sipDialog;
    await t.manager.handleInvite(practice as unknown as Invitation, 'practice');
    await t.manager.answer(t.last()[0]!.id);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.last()[0]).toMatchObject({ state: 'active', practice: true });
    expect(t.dialogs.size).toBe(0);
  });

  it('keeps ringing when auto-answer is off, counts rings, and stores the ring the person answered on', async () => {
    const t = setup({ policy: { answerOnRing: null } });
    const invitation = await t.ring('6001');
    await vi.advanceTimersByTimeAsync(15_500);
    expect(invitation.accepted).toBe(false);
    expect(t.last()[0]).toMatchObject({ ring: 4, ringPhase: 'on', autoAnswerOnRing: null });
    await t.manager.answer('call-1');
    expect(t.patches.get('call-1')).toMatchObject({ rings: 4, answerMs: 15_500, autoAnswered: false });
  });

  it('does not answer by itself when the person is away, and resumes auto-answer on the next ring', async () => {
    const t = setup({ availability: 'away' });
    const invitation = await t.ring('6001');
    await vi.advanceTimersByTimeAsync(7000);
    expect(invitation.accepted).toBe(false);
    t.setAvailability('available');
    expect(t.last()[0]?.autoAnswerOnRing).toBe(3);
    await vi.advanceTimersByTimeAsync(4000);
    expect(invitation.accepted).toBe(true);
    expect(t.patches.get('call-1')?.rings).toBe(3);
  });

  it('rings a second call as waiting and never answers it by itself, even after the first ends', async () => {
    const t = setup();
    const first = await t.ring('6001');
    await vi.advanceTimersByTimeAsync(6000);
    expect(first.accepted).toBe(true);
    const second = await t.ring('6002');
    const waiting = t.last().find((c) => c.id === 'call-2');
    expect(waiting).toMatchObject({ state: 'ringing', waiting: true, autoAnswerOnRing: null });
    await vi.advanceTimersByTimeAsync(12_000);
    expect(second.accepted).toBe(false);
    await t.manager.hangup('call-1');
    await vi.advanceTimersByTimeAsync(12_000);
    expect(second.accepted).toBe(false);
  });

  it('refuses calls beyond the line limit with 486 and counts them as refused traffic, not as calls', async () => {
    const t = setup({ policy: { maxLines: 1 } });
    await t.ring('6001');
    const extra = await t.ring('6002', '', { via: 'SIP/2.0/UDP 192.0.2.7:5062;branch=z9hG4bK-1' });
    expect(extra.rejectedWith).toBe(486);
    expect(extra.progressed).toBe(false);
    expect(t.inserted.map((c) => c.remoteNumber)).toEqual(['6001']);
    expect(t.refused).toEqual([{ at: Date.now(), reason: 'busy', source: '192.0.2.7:5062' }]);
  });

  it('a burst of INVITEs during slow card lookups never rings more calls than the line limit; the rest get 486 without a 180', async () => {
    const t = setup({ policy: { maxLines: 2, answerOnRing: null }, lookupMs: 50 });
    const burst = Array.from({ length: 10 }, (_, i) => t.arrive(`70${i}`, { via: `SIP/2.0/UDP 198.51.100.${i + 1}:5060;branch=z9hG4bK-${i}` }));
    let mostRinging = 0;
    for (let ms = 0; ms < 200; ms += 5) {
      await vi.advanceTimersByTimeAsync(5);
      mostRinging = Math.max(mostRinging, t.last().filter((c) => c.state === 'ringing').length);
    }
    await Promise.all(burst.map((b) => b.handled));
    expect(mostRinging).toBe(2);
    expect(burst.filter((b) => b.invitation.progressed).map((b) => b.invitation.remoteIdentity.uri.user)).toEqual(['700', '701']);
    const refusedOnes = burst.slice(2).map((b) => b.invitation);
    expect(refusedOnes.map((i) => [i.rejectedWith, i.progressed])).toEqual(Array.from({ length: 8 }, () => [486, false]));
    expect(t.inserted).toHaveLength(2);
    expect(t.refused.map((r) => r.reason)).toEqual(Array.from({ length: 8 }, () => 'busy'));
  });

  it('an INVITE whose audio offer cannot be answered (a fuzzer’s) gets 488 before it rings and is not a call', async () => {
    const t = setup();
    const mangled = new FakeInvitation('6001', '', { via: 'SIP/2.0/UDP 198.51.100.9:5060;branch=z9hG4bK-m' });
    mangled.body = 'v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=aud\u0000io 4x RTP/AVP\r\n';
    await t.manager.handleInvite(mangled as unknown as Invitation);
    expect(mangled.rejectedWith).toBe(488);
    expect(mangled.progressed).toBe(false);
    expect(t.inserted).toEqual([]);
    expect(t.last()).toEqual([]);
    expect(t.refused).toMatchObject([{ reason: 'unusable-offer', source: '198.51.100.9:5060' }]);
    const fine = new FakeInvitation('6001');
    fine.body = 'v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n';
    await t.manager.handleInvite(fine as unknown as Invitation);
    expect(fine.progressed).toBe(true);
  });

  it('an INVITE cancelled during its card lookup never rang: counted as refused traffic, not as a missed call', async () => {
    const t = setup({ lookupMs: 50 });
    const { invitation, handled } = t.arrive('6001');
    await vi.advanceTimersByTimeAsync(10);
    invitation.callerCancels();
    await vi.advanceTimersByTimeAsync(50);
    await handled;
    expect(invitation.progressed).toBe(false);
    expect(t.last()).toEqual([]);
    expect(t.inserted).toEqual([]);
    expect(t.patches.size).toBe(0);
    expect(t.refused).toMatchObject([{ reason: 'gone-before-ringing', source: 'unknown' }]);
  });

  it('limits INVITEs per source: over the limit they get 486 with Retry-After and are not calls; other sources still get through', async () => {
    const t = setup({ policy: { maxLines: 1, answerOnRing: null } });
    const flood = { via: 'SIP/2.0/WS kamailio.lab:8080;branch=z9hG4bK-top, SIP/2.0/UDP 10.9.9.9:5099;received=203.0.113.9;rport=40000;branch=z9hG4bK-f' };
    const answers: { code: number | null; retryAfter: string | undefined }[] = [];
    for (let i = 0; i < 12; i += 1) {
      const invitation = await t.ring('666', '', flood);
      answers.push({ code: invitation.rejectedWith, retryAfter: invitation.retryAfter });
    }
    // The first takes the line, nine more are busy, then the source is over its burst of ten.
    expect(answers.map((a) => a.code)).toEqual([null, ...Array.from({ length: 11 }, () => 486)]);
    expect(answers.map((a) => a.retryAfter)).toEqual([...Array.from({ length: 10 }, () => undefined), `Retry-After: ${INVITE_REFILL_MS / 1000}`, `Retry-After: ${INVITE_REFILL_MS / 1000}`]);
    expect(t.refused.map((r) => r.reason)).toEqual([...Array.from({ length: 9 }, () => 'busy'), 'rate-limited', 'rate-limited']);
    expect(new Set(t.refused.map((r) => r.source))).toEqual(new Set(['203.0.113.9:40000']));
    const other = await t.ring('6002', '', { via: 'SIP/2.0/UDP 192.0.2.50:5060;branch=z9hG4bK-o' });
    expect(other.rejectedWith).toBe(486);
    expect(other.retryAfter).toBeUndefined();
    expect(t.inserted).toHaveLength(1);
    // The limit refills: one more INVITE from the flooding source is heard after a while.
    await t.manager.decline('call-1');
    await vi.advanceTimersByTimeAsync(INVITE_REFILL_MS + 5000);
    const later = await t.ring('666', '', flood);
    expect(later.rejectedWith).toBeNull();
    expect(later.progressed).toBe(true);
  });

  it('a ringing call nobody answers or cancels ends as missed at the ring timeout with 480, and frees its line', async () => {
    const t = setup({ policy: { maxLines: 1, answerOnRing: null, ringTimeoutSeconds: 30 } });
    const stuck = await t.ring('6001');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(stuck.rejectedWith).toBeNull();
    expect(t.last()[0]?.state).toBe('ringing');
    await vi.advanceTimersByTimeAsync(1);
    expect(stuck.rejectedWith).toBe(480);
    expect(t.last()[0]).toMatchObject({ state: 'ended', endReason: 'no-answer-in-time', endedBy: 'system' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.patches.get('call-1')).toMatchObject({ status: 'missed', endReason: 'no-answer-in-time', endedBy: 'system', durationMs: null });
    const next = await t.ring('6002');
    expect(next.rejectedWith).toBeNull();
    expect(next.progressed).toBe(true);
  });

  it('a ringing call ends at its INVITE’s Expires when that comes before the ring timeout, with 487', async () => {
    const t = setup({ policy: { answerOnRing: null, ringTimeoutSeconds: 120 } });
    const expiring = await t.ring('6001', '', { expires: '8' });
    await vi.advanceTimersByTimeAsync(7999);
    expect(expiring.rejectedWith).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(expiring.rejectedWith).toBe(487);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.patches.get('call-1')).toMatchObject({ status: 'missed', endReason: 'no-answer-in-time' });
    // An answered call is never cut by the limit.
    const answered = await t.ring('6002', '', { expires: '8' });
    await t.manager.answer('call-2');
    await vi.advanceTimersByTimeAsync(200_000);
    expect(answered.rejectedWith).toBeNull();
    expect(t.last().find((c) => c.id === 'call-2')?.state).toBe('active');
  });

  it('a call still ringing when Ringside stops is stored as missed because Ringside stopped, not as unanswered in time', async () => {
    const t = setup({ policy: { answerOnRing: null } });
    const ringing = await t.ring('6001');
    await t.manager.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(ringing.rejectedWith).toBe(480);
    expect(t.patches.get('call-1')).toMatchObject({ status: 'missed', endReason: 'interrupted', endedBy: 'system' });
  });

  it('refused traffic stays out of the call history and the statistics (real SQLite)', async () => {
    const database = await openDatabase(':memory:');
    const calls = createCallRepository({ db: database.db });
    const refusedLog = createRefusedTrafficLog({ db: database.db });
    const contacts = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
    const t = setup({
      policy: { maxLines: 1, answerOnRing: null },
      store: {
        cardForNumber: (number) => contacts.cardForNumber(number),
        recordRefused: (refusal) => refusedLog.record(refusal),
      },
      rows: {
        insert: (call) => calls.insert({ ...call, agent: 'sip:101@pbx' }),
        update: (id, patch) => calls.update(id, patch),
      },
    });
    const ringing = await t.ring('2101234567');
    const flood = { via: 'SIP/2.0/UDP 203.0.113.66:5060;branch=z9hG4bK-x' };
    for (let i = 0; i < 25; i += 1) await t.ring('999', '', flood);
    await vi.advanceTimersByTimeAsync(3000);
    ringing.callerCancels();
    await vi.advanceTimersByTimeAsync(10);
    const history = await calls.list({ filter: 'all', limit: 100 });
    expect(history.map((c) => [c.remoteNumber, c.status])).toEqual([['2101234567', 'missed']]);
    const stats = await deskStats(database.db, { from: Date.now() - 3_600_000, to: Date.now() + 3_600_000 }, null);
    expect(stats).toMatchObject({ incoming: 1, missed: 1, answered: 0 });
    expect((await refusedLog.summary(0)).reasons).toEqual([
      { reason: 'busy', count: 10, lastAt: expect.any(Number) as number, lastSource: '203.0.113.66:5060' },
      { reason: 'rate-limited', count: 15, lastAt: expect.any(Number) as number, lastSource: '203.0.113.66:5060' },
    ]);
    await t.manager.dispose();
    await database.close();
  });

  it('stores a missed call when the caller hangs up during ring 1', async () => {
    const t = setup();
    const invitation = await t.ring('6001');
    await vi.advanceTimersByTimeAsync(500);
    invitation.callerCancels();
    expect(t.last()[0]).toMatchObject({ state: 'ended', endedBy: 'caller', endReason: 'missed' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.patches.get('call-1')).toMatchObject({ status: 'missed', rings: 1, endedBy: 'caller', durationMs: null });
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.last()).toEqual([]);
  });

  it('tells a call answered on another phone from a missed one', async () => {
    const t = setup({ policy: { answerOnRing: null } });
    const invitation = await t.ring('6001');
    invitation.callerCancels('SIP;cause=200;text="Call completed elsewhere"');
    expect(t.last()[0]).toMatchObject({ endReason: 'answered-elsewhere', endedBy: 'system' });
  });

  it('records who hung up and the talk time', async () => {
    const t = setup();
    const invitation = await t.ring('6001');
    await vi.advanceTimersByTimeAsync(6000);
    await vi.advanceTimersByTimeAsync(30_000);
    invitation.moveTo(SessionState.Terminated);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.patches.get('call-1')).toMatchObject({ endedBy: 'caller', endReason: 'caller-hung-up', durationMs: 30_000 });

    const second = await t.ring('6001');
    await vi.advanceTimersByTimeAsync(6000 + 10_000);
    await t.manager.hangup('call-2');
    await vi.advanceTimersByTimeAsync(0);
    expect(second.state).toBe(SessionState.Terminated);
    expect(t.patches.get('call-2')).toMatchObject({ endedBy: 'agent', endReason: 'agent-hung-up', durationMs: 10_000 });
  });

  it('strips control characters from the display name', async () => {
    const t = setup();
    await t.ring('6009', 'Mallory\r\nX-Evil: 1\u202E');
    expect(t.last()[0]?.displayName).toBe('Mallory X-Evil: 1');
    expect(t.inserted[0]?.remoteDisplayName).toBe('Mallory X-Evil: 1');
  });

  it('declines with 603, or 486 for a waiting call', async () => {
    const t = setup({ policy: { answerOnRing: null } });
    const invitation = await t.ring('6001');
    await t.manager.decline('call-1');
    expect(invitation.rejectedWith).toBe(603);
    expect(t.last()[0]).toMatchObject({ endedBy: 'agent', endReason: 'declined' });
  });
  it('holds and resumes by re-INVITE: the state follows the answered SDP, the hold time is kept with the call', async () => {
    const t = setup();
    const invitation = await t.ring('6001');
    await t.manager.answer(t.last()[0]!.id);
    const id = t.last()[0]!.id;
    const holding = t.manager.hold(id, true);
    expect(t.last()[0]).toMatchObject({ hold: 'none', holdPending: 'hold' });
    await expect(t.manager.hold(id, false)).rejects.toMatchObject({ code: 'hold-pending' });
    expect(invitation.reInvites.map((r) => r.hold)).toEqual([true]);
    invitation.reInvites[0]!.accept();
    await holding;
    // The click alone does not say "on hold": the SDP exchange does.
    expect(t.last()[0]).toMatchObject({ hold: 'none', holdPending: null });
    t.manager.holdStateChanged(id, 'local');
    expect(t.last()[0]).toMatchObject({ hold: 'local', holdSince: Date.now() });
    vi.advanceTimersByTime(45_000);
    const resuming = t.manager.hold(id, false);
    invitation.reInvites[1]!.accept();
    await resuming;
    t.manager.holdStateChanged(id, 'none');
    expect(t.last()[0]).toMatchObject({ hold: 'none', holdSince: null, resumedAt: Date.now() });
    // Held again, and the caller hangs up while waiting: both spans count.
    t.manager.holdStateChanged(id, 'local');
    vi.advanceTimersByTime(5000);
    invitation.moveTo(SessionState.Terminated);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.patches.get(id)).toMatchObject({ holdMs: 50_000, endReason: 'caller-hung-up' });
  });

  it('Hang up during a resume whose offer never comes says BYE after a 2 s grace, and the call ends as hung up by the agent', async () => {
    const t = setup();
    const invitation = await t.ring('6001');
    await t.manager.answer(t.last()[0]!.id);
    const id = t.last()[0]!.id;
    invitation.reInviteSent = new Promise(() => undefined);
    void t.manager.hold(id, false);
    const hangingUp = t.manager.hangup(id);
    await vi.advanceTimersByTimeAsync(1999);
    expect(invitation.byes).toBe(0);
    expect(t.last()[0]?.state).toBe('active');
    await vi.advanceTimersByTimeAsync(1);
    await hangingUp;
    expect(invitation.byes).toBe(1);
    expect(t.last()[0]).toMatchObject({ state: 'ended', endedBy: 'agent', endReason: 'agent-hung-up' });
  });

  it('a hold the other side refuses leaves the call as it was, with the reason', async () => {
    const t = setup();
    const invitation = await t.ring('6001');
    await t.manager.answer(t.last()[0]!.id);
    const id = t.last()[0]!.id;
    const holding = t.manager.hold(id, true);
    invitation.reInvites[0]!.reject(488);
    await expect(holding).rejects.toThrow('The phone system refused to hold the call: 488 Not Acceptable Here');
    expect(t.last()[0]).toMatchObject({ hold: 'none', holdPending: null });
    // The other side holding us is shown too, but is not this desk's hold time.
    t.manager.holdStateChanged(id, 'remote');
    expect(t.last()[0]).toMatchObject({ hold: 'remote', holdSince: null });
  });

  it('sends keypad tones in the media, or by SIP INFO one tone at a time when the media cannot', async () => {
    const inMedia = setup();
    const first = await inMedia.ring('6001');
    await inMedia.manager.answer(inMedia.last()[0]!.id);
    expect(await inMedia.manager.sendDtmf(inMedia.last()[0]!.id, '12#')).toBe('media');
    expect(first.infos).toEqual([]);

    const byInfo = setup({ dtmfInMedia: false });
    const second = await byInfo.ring('6001');
    await byInfo.manager.answer(byInfo.last()[0]!.id);
    expect(await byInfo.manager.sendDtmf(byInfo.last()[0]!.id, '5*')).toBe('info');
    expect(second.infos).toEqual(['Signal=5\r\nDuration=160\r\n', 'Signal=*\r\nDuration=160\r\n']);
  });
  it('blind transfer: the far end’s NOTIFY decides — success ends this leg as transferred, a refusal keeps the caller and says why', async () => {
    const t = setup();
    const invitation = await t.ring('6001');
    await t.manager.answer(t.last()[0]!.id);
    const id = t.last()[0]!.id;
    await expect(t.manager.blindTransfer(id, 'x y')).rejects.toThrow('bad target');

    const refused = t.manager.blindTransfer(id, '203');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.last()[0]).toMatchObject({ transferring: { kind: 'blind', target: '203' }, transferCount: 1 });
    invitation.refers[0]!.notify('SIP/2.0 100 Trying');
    invitation.refers[0]!.notify('SIP/2.0 486 Busy Here');
    expect(await refused).toBe('declined');
    expect(t.last()[0]).toMatchObject({ state: 'active', transferring: null, error: '203 did not take the call (486 Busy Here): the caller is still with you.' });

    const done = t.manager.blindTransfer(id, '204');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.last()[0]!.transferCount).toBe(2);
    invitation.refers[1]!.notify('SIP/2.0 200 OK');
    expect(await done).toBe('completed');
    expect(t.last()[0]).toMatchObject({ state: 'ended', endReason: 'transferred', endedBy: 'agent' });
    expect([...t.transfers.values()].map((r) => [r.target, r.kind, r.result, r.detail])).toEqual([
      ['203', 'blind', 'declined', '486 Busy Here'],
      ['204', 'blind', 'completed', ''],
    ]);
  });

  it('blind transfer with no report from the far end keeps the caller after 30 s', async () => {
    const t = setup();
    await t.ring('6001');
    await t.manager.answer(t.last()[0]!.id);
    const id = t.last()[0]!.id;
    const pending = t.manager.blindTransfer(id, '203');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await pending).toBe('failed');
    expect(t.last()[0]).toMatchObject({ state: 'active', error: '203 did not take the call (no report from the phone system): the caller is still with you.' });
  });

  it('a call whose media the window finds dead ends with a BYE (no ghost call), and the next call is answered by itself, not as waiting', async () => {
    const t = setup();
    const first = await t.ring('6001');
    await vi.advanceTimersByTimeAsync(6000);
    expect(t.last()[0]?.state).toBe('active');
    await t.manager.endDeadMedia('call-1', 'no-audio');
    expect(first.byes).toBe(1);
    expect(t.last()[0]).toMatchObject({ state: 'ended', endedBy: 'system', endReason: 'media-dead' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.patches.get('call-1')).toMatchObject({ status: 'answered', endReason: 'media-dead', durationMs: 0 });

    const second = await t.ring('6002');
    expect(t.last().find((c) => c.id === 'call-2')).toMatchObject({ waiting: false, autoAnswerOnRing: 2 });
    await vi.advanceTimersByTimeAsync(6000);
    expect(second.accepted).toBe(true);
  });

  it('a report of dead media for a call that is not in progress changes nothing', async () => {
    const t = setup({ policy: { answerOnRing: null } });
    const ringing = await t.ring('6001');
    await t.manager.endDeadMedia('call-1', 'connection-failed');
    await t.manager.endDeadMedia('no-such-call', 'connection-lost');
    expect(t.last()[0]).toMatchObject({ state: 'ringing' });
    expect(ringing.byes).toBe(0);
  });

  it('session timer offered by the caller (RFC 4028): answered with it; this desk refreshes at half the interval, and a refused refresh ends the call with a BYE', async () => {
    const t = setup();
    const invitation = await t.ring('6001', '', { 'session-expires': '600', supported: 'timer, replaces' });
    await vi.advanceTimersByTimeAsync(6000);
    expect(invitation.acceptHeaders).toEqual(['Session-Expires: 600;refresher=uas', 'Require: timer']);

    await vi.advanceTimersByTimeAsync(299_999);
    expect(invitation.reInvites).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(invitation.reInvites).toHaveLength(1);
    expect(invitation.reInvites[0]).toMatchObject({ hold: false, headers: ['Session-Expires: 600;refresher=uac', 'Supported: timer'] });
    invitation.reInvites[0]!.accept();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(invitation.reInvites).toHaveLength(2);
    invitation.reInvites[1]!.reject(481);
    await vi.advanceTimersByTimeAsync(0);
    expect(invitation.byes).toBe(1);
    expect(t.last()[0]).toMatchObject({ state: 'ended', endedBy: 'system', endReason: 'session-expired' });
  });

  it('a session refresh that meets a hold under way is tried again shortly, not taken for a refusal', async () => {
    const t = setup();
    const invitation = await t.ring('6001', '', { 'session-expires': '600', supported: 'timer' });
    await vi.advanceTimersByTimeAsync(6000);
    const invite = invitation.invite.bind(invitation);
    invitation.invite = () => Promise.reject(new Error('Reinvite in progress. Please wait until complete, then try again.'));
    await vi.advanceTimersByTimeAsync(300_000);
    expect(t.last()[0]?.state).toBe('active');
    invitation.invite = invite;
    await vi.advanceTimersByTimeAsync(5000);
    expect(invitation.reInvites).toHaveLength(1);
    invitation.reInvites[0]!.accept();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.last()[0]?.state).toBe('active');
    expect(invitation.byes).toBe(0);
  });

  it('session timer refreshed by the caller: its re-INVITEs are answered with the timer and keep the call; when they stop, the call ends before the interval runs out', async () => {
    const t = setup();
    const invitation = await t.ring('6001', '', { 'session-expires': '1800;refresher=uac', supported: 'timer' });
    await vi.advanceTimersByTimeAsync(6000);
    expect(invitation.acceptHeaders).toEqual(['Session-Expires: 1800;refresher=uac', 'Require: timer']);
    await vi.advanceTimersByTimeAsync(900_000);
    expect(invitation.farEndReInvites()).toEqual(['Contact: <sip:desk@test>', 'Session-Expires: 1800;refresher=uac', 'Require: timer']);
    await vi.advanceTimersByTimeAsync(1_700_000);
    expect(t.last()[0]?.state).toBe('active');
    await vi.advanceTimersByTimeAsync(1_800_000 - 32_000 - 1_700_000);
    expect(invitation.reInvites).toHaveLength(0);
    expect(invitation.byes).toBe(1);
    expect(t.last()[0]).toMatchObject({ state: 'ended', endReason: 'session-expired' });
  });

  it('without Session-Expires in the INVITE, no timer: answered plainly and never re-INVITEd by itself', async () => {
    const t = setup();
    const invitation = await t.ring('6001', '', { supported: 'timer' });
    await vi.advanceTimersByTimeAsync(6000 + 3_600_000);
    expect(invitation.acceptHeaders).toEqual([]);
    expect(invitation.reInvites).toHaveLength(0);
    expect(t.last()[0]?.state).toBe('active');
  });
});
