import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionState, type Session, type URI } from 'sip.js';
import { systemClock } from '../../shared/clock.ts';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { silentLogger } from '../../shared/logger.ts';
import { CallRegistry, type CallEntry } from './call-registry.ts';
import { CallTransfers } from './call-transfers.ts';

function liveCall(id: string, fields: Partial<LiveCall> = {}): LiveCall {
  return { id, state: 'active', hold: 'none', transferCount: 0, consultFor: null, number: '6001', ...fields } as LiveCall;
}

const note = { from: '101', callerName: 'Eleni', organization: '', callerNumber: '6001', reason: 'Invoice', discussed: '', transfers: 0 };

function setup() {
  const registry = new CallRegistry(() => undefined);
  const log: string[] = [];
  const finished: { id: string; result: string; detail: string }[] = [];
  const caller = registry.add(liveCall('a'), { state: SessionState.Established } as Session, null);
  let consult: CallEntry | null = null;
  const transfers = new CallTransfers({
    clock: systemClock,
    log: silentLogger,
    newId: () => 't1',
    uriFor: (target) => ({ user: target }) as unknown as URI,
    store: {
      insertTransfer: (transfer) => Promise.resolve(void log.push(`insert ${transfer.kind} ${transfer.target}`)),
      finishTransfer: (id, result, detail) => Promise.resolve(void finished.push({ id, result, detail })),
      linkConsult: (id, consultId) => Promise.resolve(void log.push(`link ${id} ${consultId}`)),
    },
    require: (callId) => registry.get(callId)!,
    get: (callId) => registry.get(callId),
    patch: (entry, fields) => registry.patch(entry, fields),
    setTransfer: (entry, to, fields) => registry.setTransfer(entry, to, fields),
    handedOver: (entry) => registry.release(entry, 'handed-over'),
    hold: (callId, on) => {
      log.push(`hold ${callId} ${on}`);
      registry.patch(registry.get(callId)!, { hold: on ? 'local' : 'none' });
      return Promise.resolve();
    },
    dial: (target, options) => {
      log.push(`dial ${target} for ${options.consultFor} (${options.extraHeaders.length} header)`);
      consult = registry.add(liveCall('b', { state: 'dialing', consultFor: options.consultFor }), { state: SessionState.Establishing } as Session, null);
      return Promise.resolve('b');
    },
    hangup: (callId) => {
      log.push(`hangup ${callId}`);
      return Promise.resolve();
    },
  });
  return { registry, transfers, caller, consult: () => consult!, log, finished };
}

describe('CallTransfers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('consult: the caller is held, the colleague dialled with the note, the call consulting; cancelled, the consult ends and the caller comes back', async () => {
    const t = setup();
    expect(await t.transfers.consult('a', '102', note)).toBe('b');
    expect(t.log).toEqual(['hold a true', 'insert warm 102', 'dial 102 for a (1 header)', 'link t1 b']);
    expect(t.caller.transfer).toEqual({ kind: 'consulting', target: '102', transferId: 't1', consultId: 'b' });
    expect(t.caller.call).toMatchObject({ transferring: { kind: 'warm', target: '102' }, transferCount: 1 });
    await expect(t.transfers.consult('a', '103', note)).rejects.toMatchObject({ code: 'transfer-pending' });

    await t.transfers.cancel('a');
    expect(t.log.slice(4)).toEqual(['hangup b', 'hold a false']);
    expect(t.finished).toEqual([{ id: 't1', result: 'cancelled', detail: '' }]);
    expect(t.caller.transfer).toEqual({ kind: 'none' });
    await expect(t.transfers.cancel('a')).rejects.toMatchObject({ code: 'no-transfer' });
  });

  it('a consult call the colleague refuses: the caller stays on hold here, and the call says why', async () => {
    const t = setup();
    await t.transfers.consult('a', '102', note);
    const consult = t.consult();
    consult.refusal = { code: 486, words: 'Busy Here' };
    t.transfers.consultEnded(consult, 'busy');
    expect(t.finished).toEqual([{ id: 't1', result: 'declined', detail: '486 Busy Here' }]);
    expect(t.caller.call).toMatchObject({ transferring: null, hold: 'local', problem: { code: 'consult-refused', params: { target: '102', detail: '486 Busy Here' } } });
  });

  it('completing needs the colleague on the line', async () => {
    const t = setup();
    await expect(t.transfers.complete('a')).rejects.toMatchObject({ code: 'no-consult' });
  });
});
