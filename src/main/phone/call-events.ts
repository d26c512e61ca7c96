import type { LiveCall } from '../../shared/ipc/phone.ts';
import type { DomainEventBus } from '../core/domain-event-bus.ts';

/**
 * Turns the call manager's snapshots of the live calls into call.ringing, call.answered and
 * call.ended, each once per call. Kept apart so the call registry can emit them itself later.
 */
export function createCallEventEmitter(bus: DomainEventBus): (live: readonly LiveCall[]) => void {
  const seen = new Map<string, { rang: boolean; answered: boolean; ended: boolean }>();
  return (live) => {
    for (const call of live) {
      const was = seen.get(call.id) ?? { rang: false, answered: false, ended: false };
      const now = { rang: was.rang || call.state === 'ringing', answered: was.answered || call.answeredAt !== null, ended: call.state === 'ended' };
      seen.set(call.id, now);
      if (now.rang && !was.rang && call.direction === 'inbound') bus.emit('call.ringing', { callId: call.id, remoteNumber: call.number, practice: call.practice });
      if (now.answered && !was.answered && call.answeredAt !== null) bus.emit('call.answered', { callId: call.id, at: call.answeredAt });
      if (now.ended && !was.ended) bus.emit('call.ended', { callId: call.id, at: call.endedAt ?? 0, answered: now.answered, practice: call.practice });
    }
    // A call gone from the list (ended and lingered) is forgotten.
    const present = new Set(live.map((c) => c.id));
    for (const id of seen.keys()) if (!present.has(id)) seen.delete(id);
  };
}
