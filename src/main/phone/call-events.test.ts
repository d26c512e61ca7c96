import { describe, expect, it } from 'vitest';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { silentLogger } from '../../shared/logger.ts';
import { createDomainEventBus } from '../core/domain-event-bus.ts';
import { createCallEventEmitter } from './call-events.ts';

type Snapshot = Pick<LiveCall, 'id' | 'direction' | 'state' | 'number' | 'practice' | 'answeredAt' | 'endedAt'>;
const call = (patch: Partial<Snapshot>): LiveCall => ({ id: 'c1', direction: 'inbound', state: 'ringing', number: '+35722000000', practice: false, answeredAt: null, endedAt: null, ...patch }) as LiveCall;

function heard() {
  const bus = createDomainEventBus({ log: silentLogger });
  const events: string[] = [];
  bus.on('call.ringing', ({ callId }) => void events.push(`ringing ${callId}`));
  bus.on('call.answered', ({ callId, at }) => void events.push(`answered ${callId} ${at}`));
  bus.on('call.ended', ({ callId, answered }) => void events.push(`ended ${callId} ${answered ? 'answered' : 'unanswered'}`));
  return { emit: createCallEventEmitter(bus), events };
}

describe('call events from the live-call snapshots', () => {
  it('says ringing, answered and ended once each, however many snapshots repeat them', () => {
    const { emit, events } = heard();
    emit([call({})]);
    emit([call({ state: 'ringing' })]);
    emit([call({ state: 'answering' })]);
    emit([call({ state: 'active', answeredAt: 10 })]);
    emit([call({ state: 'active', answeredAt: 10 })]);
    emit([call({ state: 'ended', answeredAt: 10, endedAt: 20 })]);
    emit([call({ state: 'ended', answeredAt: 10, endedAt: 20 })]);
    expect(events).toEqual(['ringing c1', 'answered c1 10', 'ended c1 answered']);
  });

  it('does not say ringing for an outgoing call; a missed call ends unanswered', () => {
    const { emit, events } = heard();
    emit([call({ id: 'out', direction: 'outbound', state: 'dialing' }), call({ id: 'in' })]);
    emit([call({ id: 'out', direction: 'outbound', state: 'active', answeredAt: 5 }), call({ id: 'in', state: 'ended', endedAt: 6 })]);
    expect(events).toEqual(['ringing in', 'answered out 5', 'ended in unanswered']);
  });

  it('forgets a call gone from the list, so an id seen again is a new call', () => {
    const { emit, events } = heard();
    emit([call({ state: 'ended', endedAt: 1 })]);
    emit([]);
    emit([call({ state: 'ended', endedAt: 2 })]);
    expect(events).toEqual(['ended c1 unanswered', 'ended c1 unanswered']);
  });
});
