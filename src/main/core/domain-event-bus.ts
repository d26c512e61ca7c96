import type { DomainEventName, DomainEvents } from '../../shared/events/domain-events.ts';
import type { Logger } from '../../shared/logger.ts';

type Listener<K extends DomainEventName> = (payload: DomainEvents[K]) => void | Promise<void>;

/** How the core's modules hear of each other's facts without importing each other. */
export interface DomainEventBus {
  /** Returns the function that stops listening. */
  on<K extends DomainEventName>(name: K, listener: Listener<K>): () => void;
  /** Calls every listener in the order they subscribed; returns when the synchronous parts have run. */
  emit<K extends DomainEventName>(name: K, payload: DomainEvents[K]): void;
}

/**
 * A listener that throws or rejects is logged and does not stop the others: the module that
 * emitted the fact has already done its work (a call ended whether or not a listener failed).
 */
export function createDomainEventBus({ log }: { log: Logger }): DomainEventBus {
  const listeners = new Map<DomainEventName, Set<Listener<never>>>();
  const failed = (name: DomainEventName, error: unknown) => log.error('A listener of a domain event failed', { event: name, error: String(error) });
  return {
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          const result = (listener as Listener<typeof name>)(payload);
          if (result instanceof Promise) result.catch((error: unknown) => failed(name, error));
        } catch (error) {
          failed(name, error);
        }
      }
    },
  };
}
