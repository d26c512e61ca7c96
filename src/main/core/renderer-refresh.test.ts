import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../shared/logger.ts';
import type { Broadcast } from './core-module.ts';
import { createDomainEventBus } from './domain-event-bus.ts';
import { refreshRenderersOnEvents } from './renderer-refresh.ts';

function follow() {
  const bus = createDomainEventBus({ log: silentLogger });
  const sent: string[] = [];
  const broadcast = ((name: string, payload: { what?: string }) => void sent.push(`${name}:${payload.what ?? ''}`)) as Broadcast;
  const stop = refreshRenderersOnEvents(bus, broadcast);
  return { bus, sent, stop };
}

describe('the renderer refresh derived from domain events', () => {
  it('tells the windows which list a fact made stale', () => {
    const { bus, sent } = follow();
    bus.emit('call.stored', { callId: null });
    bus.emit('wrapUp.saved', { callId: 'c1', nextStepAt: null });
    bus.emit('contact.changed', { contactId: 'k1', change: 'saved' });
    bus.emit('task.changed', { taskId: 't1' });
    bus.emit('message.changed', { messageId: null });
    bus.emit('colleague.changed', { colleagueId: null });
    bus.emit('script.changed', { scriptId: 's1' });
    bus.emit('score.changed', { callId: null });
    bus.emit('recordings.deleted', { recordingIds: ['r1'] });
    expect(sent).toEqual(['data.changed:calls', 'data.changed:calls', 'data.changed:contacts', 'data.changed:tasks', 'data.changed:messages', 'data.changed:colleagues', 'data.changed:scripts', 'data.changed:scores', 'data.changed:recordings']);
  });

  it('refreshes the call history too when a contact is deleted (its name is blanked there)', () => {
    const { bus, sent } = follow();
    bus.emit('contact.changed', { contactId: 'k1', change: 'deleted' });
    expect(sent).toEqual(['data.changed:contacts', 'data.changed:calls']);
  });

  it('refreshes nothing for facts the windows learn of another way, and stops when told', () => {
    const { bus, sent, stop } = follow();
    bus.emit('call.ringing', { callId: 'c1', remoteNumber: '100', practice: false });
    bus.emit('call.ended', { callId: 'c1', at: 5, answered: false, practice: false });
    bus.emit('recording.finished', { callId: 'c1' });
    expect(sent).toEqual([]);
    stop();
    bus.emit('task.changed', { taskId: 't1' });
    expect(sent).toEqual([]);
  });
});
