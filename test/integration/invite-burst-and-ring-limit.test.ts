import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/shared/clock.ts';
import { defaultSettings, type RingPolicy } from '../../src/shared/ipc/settings.ts';
import type { Invitation } from 'sip.js';
import type { LiveCall, RegistrationState } from '../../src/shared/ipc/phone.ts';
import { silentLogger as log } from '../../src/shared/logger.ts';
import { CallManager } from '../../src/main/phone/call-manager.ts';
import { createCallRowsWriter } from '../../src/main/calls/call-rows-writer.ts';
import { SipAccount } from '../../src/main/phone/sip-account.ts';
import { openDatabase, type OpenedDatabase } from '../../src/main/db/open-database.ts';
import { createCallRepository } from '../../src/main/calls/call-repository.ts';
import { createRefusedTrafficLog } from '../../src/main/calls/refused-traffic-log.ts';
import { createContactRepository } from '../../src/main/contacts/contact-repository.ts';
import { createSqliteCardLookup } from '../../src/main/contacts/sqlite-card-lookup.ts';
import { deskStats } from '../../src/main/stats/desk-stats.ts';
import { startSipLab, type SipLab } from '../lab/sip-lab.ts';
import { UdpSipCaller } from '../lab/udp-sip-caller.ts';

/**
 * The INVITE path against a real Kamailio: callers over plain UDP SIP (written here, so every
 * response can be checked per call), the desk's SipAccount over WebSocket, its calls handled by the
 * real CallManager on a real SQLite database whose card lookups are slow (a busy disk).
 */
const SIP_PORT = 20560;
const WS_PORT = 20561;
const RING_TIMEOUT_S = 10;
const CARD_LOOKUP_MS = 150;
const policy: RingPolicy = { ...defaultSettings.ringPolicy, answerOnRing: null, maxLines: 2, ringTimeoutSeconds: RING_TIMEOUT_S };

let lab: SipLab;
let database: OpenedDatabase;
let desk: SipAccount;
let manager: CallManager;
/** The most calls ringing at once on the desk, over the whole test. */
let mostRinging = 0;
let live: LiveCall[] = [];
let registration = 'unconfigured';

beforeAll(async () => {
  lab = await startSipLab({ dir: mkdtempSync(join(tmpdir(), 'ringside-burst-')), sipPort: SIP_PORT, wsPort: WS_PORT, users: { 101: 'desk-password' } });
  database = await openDatabase(':memory:');
  const calls = createCallRepository({ db: database.db });
  const refused = createRefusedTrafficLog({ db: database.db });
  const contacts = createContactRepository({ db: database.db, cards: createSqliteCardLookup({ sqlite: database.sqlite, db: database.db }), clock: systemClock, region: () => 'GR' });
  manager = new CallManager({
    clock: systemClock,
    log,
    newId: (() => {
      let n = 0;
      return () => `call-${++n}`;
    })(),
    ringPolicy: () => policy,
    availability: () => 'available',
    onCallsChanged: (calls) => {
      live = calls;
      mostRinging = Math.max(mostRinging, calls.filter((c) => c.state === 'ringing').length);
    },
    onCallFact: createCallRowsWriter({
      log,
      insert: (call) => calls.insert({ ...call, agent: 'sip:101@127.0.0.1' }),
      update: (id, patch) => calls.update(id, patch),
      stored: () => undefined,
    }),
    bindSession: () => undefined,
    sendDtmfInMedia: () => Promise.resolve(false),
    uriFor: () => {
      throw new Error('no outgoing calls here');
    },
    makeInviter: () => {
      throw new Error('no outgoing calls here');
    },
    store: {
      cardForNumber: async (number) => {
        await new Promise((resolve) => setTimeout(resolve, CARD_LOOKUP_MS));
        return contacts.cardForNumber(number);
      },
      recordRefused: (refusal) => refused.record(refusal),
      insertTransfer: () => Promise.resolve(),
      finishTransfer: () => Promise.resolve(),
      linkConsult: () => Promise.resolve(),
      rememberDialog: () => Promise.resolve(),
      forgetDialog: () => Promise.resolve(),
    },
  });
  // Not a literal: a SipAccount that registers with SIP Outbound takes its instance id too.
  const deskDeps = {
    instanceId: '3f1e9a52-6c0d-4b7e-9a18-2d5c7e4b1f60',
    clock: systemClock,
    log,
    sessionDescriptionHandlerFactory: () => {
      throw new Error('no call is answered in this test');
    },
    onInvite: (invitation: Invitation) => void manager.handleInvite(invitation),
    onMessage: () => undefined,
    onStateChange: (state: RegistrationState) => void (registration = state.status),
  };
  desk = new SipAccount(deskDeps);
  desk.configure({ serverUrl: `ws://127.0.0.1:${WS_PORT}`, sipUri: 'sip:101@127.0.0.1', authUser: '', displayName: 'Desk', pbxCertificate: '' }, 'desk-password');
  const started = Date.now();
  while (registration !== 'registered') {
    if (Date.now() - started > 10_000) throw new Error(`the desk did not register (${registration})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 30_000);

afterAll(async () => {
  await manager?.dispose();
  await desk?.dispose();
  await database?.close();
  await lab?.stop();
});

describe('INVITEs through a real Kamailio', () => {
  it('a burst never rings more calls than the line limit: the rest get 486 without a 180, a flooding source with Retry-After; none of them is a call; unanswered calls end as missed at the ring timeout', async () => {
    const caller = await UdpSipCaller.open(20565, { user: '101', kamailioPort: SIP_PORT });
    const ids = Array.from({ length: 20 }, (_, i) => `burst-${i}@lab`);
    for (const id of ids) caller.invite(id);
    await caller.until('an answer to every INVITE of the burst', () => ids.every((id) => caller.codes(id).length > 0), 10_000);
    await caller.until('a final answer to the refused ones', () => ids.filter((id) => !caller.codes(id).includes(180)).every((id) => caller.final(id)), 10_000);

    const rang = ids.filter((id) => caller.codes(id).includes(180));
    expect(rang).toHaveLength(2);
    expect(mostRinging).toBe(2);
    const refused = ids.filter((id) => !rang.includes(id));
    const refusedCodes = refused.map((id) => caller.codes(id));
    // Refused at once: the only answer is the final one, never a 180 first.
    expect(refusedCodes.every((codes) => codes.length === 1)).toBe(true);
    expect(refusedCodes).toEqual(Array.from({ length: 18 }, () => [486]));
    // Over the source's limit: 486 too (a proxy would turn a 503 into a 500), with when to try again.
    expect(refused.filter((id) => /^Retry-After: \d+/im.test(caller.final(id)?.headers ?? ''))).toHaveLength(10);

    // Nobody answers and no CANCEL comes: at the ring timeout each rung call gets 480 and is missed.
    await caller.until('480 to the calls that rang', () => rang.every((id) => caller.final(id)?.code === 480), (RING_TIMEOUT_S + 10) * 1000);
    for (const id of rang) expect(caller.final(id)!.at - caller.sentAt.get(id)!).toBeGreaterThanOrEqual(RING_TIMEOUT_S * 1000 - 500);
    // One 180 per call however many rings it rang (codes() lists each status once: count them all).
    expect(rang.map((id) => caller.count(id, 180))).toEqual([1, 1]);
    await caller.until('the calls to end on the desk', () => live.every((c) => c.state === 'ended'), 5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const rows = await database.db.selectFrom('calls').select(['sip_call_id', 'status', 'end_reason', 'ended_by']).orderBy('sip_call_id').execute();
    expect(rows).toEqual(rang.sort().map((id) => ({ sip_call_id: id, status: 'missed', end_reason: 'no-answer-in-time', ended_by: 'system' })));
    const counted = await database.db.selectFrom('refused_traffic').select(['reason', 'count', 'last_source']).orderBy('reason').execute();
    expect(counted).toEqual([
      { reason: 'busy', count: 8, last_source: '127.0.0.1:20565' },
      { reason: 'rate-limited', count: 10, last_source: '127.0.0.1:20565' },
    ]);
    const stats = await deskStats(database.db, { from: Date.now() - 3_600_000, to: Date.now() + 3_600_000 }, null);
    expect(stats).toMatchObject({ incoming: 2, missed: 2 });
    caller.close();
  }, 60_000);

  it('a ringing call whose INVITE says Expires gets one 180, ends then with 487, as missed, and the line is free again', async () => {
    const caller = await UdpSipCaller.open(20566, { user: '101', kamailioPort: SIP_PORT });
    caller.invite('expires@lab', ['Expires: 3']);
    await caller.until('the final answer', () => caller.final('expires@lab') !== undefined, 15_000);
    expect(caller.codes('expires@lab')).toEqual([180, 487]);
    expect(caller.count('expires@lab', 180)).toBe(1);
    expect(caller.final('expires@lab')!.at - caller.sentAt.get('expires@lab')!).toBeGreaterThanOrEqual(2500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const row = await database.db.selectFrom('calls').select(['status', 'end_reason']).where('sip_call_id', '=', 'expires@lab').executeTakeFirst();
    expect(row).toEqual({ status: 'missed', end_reason: 'no-answer-in-time' });
    caller.invite('after@lab');
    await caller.until('the next call to ring', () => caller.codes('after@lab').includes(180), 5000);
    caller.close();
  }, 30_000);

  it('INVITEs with a mangled offer, as a fuzzer sends them, get 488 without a 180 and are not calls', async () => {
    const fuzzer = await UdpSipCaller.open(20567, { user: '101', kamailioPort: SIP_PORT });
    const offers = ['v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 5000 RTP/AVP 96\r\n', 'v=0\r\nm=audio 0 RTP/AVP 0\r\n', 'x=\u0007\u001b[2J garbage\r\n', 'v=0\r\nm=audio 4x RTP/AVP\r\n'];
    offers.forEach((offer, i) => fuzzer.invite(`fuzz-${i}@lab`, [], offer));
    await fuzzer.until('an answer to each', () => offers.every((_, i) => fuzzer.final(`fuzz-${i}@lab`) !== undefined), 10_000);
    expect(offers.map((_, i) => fuzzer.codes(`fuzz-${i}@lab`))).toEqual(offers.map(() => [488]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await database.db.selectFrom('calls').select('id').where('sip_call_id', 'like', 'fuzz-%').execute()).toEqual([]);
    const counted = await database.db.selectFrom('refused_traffic').select(['count', 'last_source']).where('reason', '=', 'unusable-offer').execute();
    expect(counted).toEqual([{ count: offers.length, last_source: '127.0.0.1:20567' }]);
    fuzzer.close();
  }, 30_000);
});
