import type { DomainEventBus } from '../core/domain-event-bus.ts';

/**
 * An answered call that has just ended asks for its wrap-up (R23). Main decides it; the windows
 * are told (`ask`) and show the form. A missed, declined or unanswered call asks for none.
 * Returns the function that stops following.
 */
export function followWrapUpPrompt(bus: Pick<DomainEventBus, 'on'>, ask: (callId: string) => void): () => void {
  return bus.on('call.ended', ({ callId, answered }) => {
    if (answered) ask(callId);
  });
}
