import { describe, expect, it } from 'vitest';
import type { Session } from 'sip.js';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { IllegalCallTransitionError } from '../../shared/phone/call-state.ts';
import { CallRegistry } from './call-registry.ts';
import { IllegalSubStateTransitionError } from './call-sub-states.ts';

const session = {} as Session;

function ringingCall(id: string): LiveCall {
  return {
    id,
    direction: 'inbound',
    state: 'ringing',
    displayName: '',
    number: '6001',
    card: { match: 'none', number: '6001', contact: null, recentCalls: [] },
    ring: 0,
    ringPhase: 'none',
    autoAnswerOnRing: null,
    waiting: false,
    inviteAt: 0,
    answeredAt: null,
    endedAt: null,
    endedBy: null,
    endReason: null,
    error: null,
    problem: null,
    practice: false,
    hold: 'none',
    holdPending: null,
    holdSince: null,
    resumedAt: null,
    transferCount: 0,
    transferring: null,
    consultFor: null,
    handoff: null,
  };
}

function setup() {
  const published: LiveCall[][] = [];
  const registry = new CallRegistry((calls) => published.push(calls));
  return { registry, published, last: () => published.at(-1)?.[0] };
}

describe('CallRegistry', () => {
  it('a new call is shown with its first change, and its state moves only as call-state.ts allows', () => {
    const { registry, published, last } = setup();
    const entry = registry.add(ringingCall('a'), session, null);
    expect(published).toHaveLength(0);
    registry.patch(entry, { ring: 1 });
    expect(last()).toMatchObject({ id: 'a', state: 'ringing', ring: 1 });
    registry.moveTo(entry, 'answering', { answeredAt: 5 });
    expect(last()).toMatchObject({ state: 'answering', answeredAt: 5 });
    expect(() => registry.moveTo(entry, 'ringing')).toThrow(IllegalCallTransitionError);
    expect(entry.call.state).toBe('answering');
    registry.moveTo(entry, 'active');
    registry.moveTo(entry, 'ended');
    expect(() => registry.moveTo(entry, 'active')).toThrow(IllegalCallTransitionError);
  });

  it('what the screen reads of a hold or a transfer is derived from the sub-states', () => {
    const { registry, last } = setup();
    const entry = registry.add(ringingCall('a'), session, null);
    registry.requestHold(entry, 'resume-pending');
    expect(last()?.holdPending).toBe('resume');
    expect(() => registry.requestHold(entry, 'hold-pending')).toThrow(IllegalSubStateTransitionError);
    registry.requestHold(entry, 'idle');
    expect(last()?.holdPending).toBeNull();

    registry.setTransfer(entry, { kind: 'placing-consult', target: '102', transferId: 't1' }, { transferCount: 1 });
    expect(last()).toMatchObject({ transferring: { kind: 'warm', target: '102' }, transferCount: 1 });
    registry.setTransfer(entry, { kind: 'consulting', target: '102', transferId: 't1', consultId: 'b' });
    expect(entry.transfer).toEqual({ kind: 'consulting', target: '102', transferId: 't1', consultId: 'b' });
    expect(() => registry.setTransfer(entry, { kind: 'blind', target: '103' })).toThrow(IllegalSubStateTransitionError);
    registry.setTransfer(entry, { kind: 'none' });
    expect(last()?.transferring).toBeNull();
    registry.setTransfer(entry, { kind: 'blind', target: '103' });
    expect(last()?.transferring).toEqual({ kind: 'blind', target: '103' });
  });

  it('who ends the call is set once, through its guard; a note is shown with the next change', () => {
    const { registry, published, last } = setup();
    const entry = registry.add(ringingCall('a'), session, null);
    registry.release(entry, 'hung-up-here');
    expect(() => registry.release(entry, 'none')).toThrow(IllegalSubStateTransitionError);
    registry.note(entry, { endReason: 'missed' });
    expect(published).toHaveLength(0);
    registry.moveTo(entry, 'ended');
    expect(last()).toMatchObject({ state: 'ended', endReason: 'missed' });
    registry.markWaited(entry);
    registry.markWaited(entry);
    expect(entry.waiting).toBe('has-waited');
  });

  it('a removed call is gone from the list, and later changes of it are not published', () => {
    const { registry, published } = setup();
    const a = registry.add(ringingCall('a'), session, null);
    registry.add(ringingCall('b'), session, null);
    registry.show();
    expect(published.at(-1)?.map((c) => c.id)).toEqual(['a', 'b']);
    registry.remove('a');
    expect(published.at(-1)?.map((c) => c.id)).toEqual(['b']);
    const count = published.length;
    registry.patch(a, { ring: 3 });
    expect(published).toHaveLength(count);
    expect(registry.get('a')).toBeUndefined();
  });
});
