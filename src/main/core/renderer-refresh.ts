import type { z } from 'zod';
import type { DomainEventName, DomainEvents } from '../../shared/events/domain-events.ts';
import type { CoreEvents } from '../../shared/ipc/api.ts';
import type { Broadcast } from './core-module.ts';
import type { DomainEventBus } from './domain-event-bus.ts';

export type DataKind = z.input<CoreEvents['data.changed']>['what'];

/**
 * The lists each domain event makes stale in the windows: the one place `data.changed` is decided.
 * Handlers emit facts, the windows re-read what a fact touched. Events a window learns of another
 * way (phone.calls carries the live calls) refresh nothing. A new event does not type-check until
 * it is named here.
 */
export const STALE_LISTS: { [K in DomainEventName]: (payload: DomainEvents[K]) => DataKind[] } = {
  'call.ringing': () => [],
  'call.answered': () => [],
  'call.ended': () => [],
  'recording.finished': () => [],
  'task.due': () => [],
  'call.stored': () => ['calls'],
  'wrapUp.saved': () => ['calls'],
  'recordings.deleted': () => ['recordings'],
  // A deleted contact's name is blanked in the call history too.
  'contact.changed': ({ change }) => (change === 'deleted' ? ['contacts', 'calls'] : ['contacts']),
  'task.changed': () => ['tasks'],
  'message.changed': () => ['messages'],
  'colleague.changed': () => ['colleagues'],
  'script.changed': () => ['scripts'],
  'score.changed': () => ['scores'],
};

/** Broadcasts `data.changed` for every domain event that makes a window's list stale. Returns the function that stops. */
export function refreshRenderersOnEvents(bus: DomainEventBus, broadcast: Broadcast): () => void {
  const follow = <K extends DomainEventName>(event: K) =>
    bus.on(event, (payload) => {
      for (const what of STALE_LISTS[event](payload)) broadcast('data.changed', { what });
    });
  const stops = (Object.keys(STALE_LISTS) as DomainEventName[]).map(follow);
  return () => {
    for (const stop of stops) stop();
  };
}
