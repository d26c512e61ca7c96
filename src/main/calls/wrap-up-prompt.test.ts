import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../shared/logger.ts';
import { createDomainEventBus } from '../core/domain-event-bus.ts';
import { followWrapUpPrompt } from './wrap-up-prompt.ts';

describe('the wrap-up prompt, decided by main', () => {
  it('asks for a wrap-up once for each answered call that ends, practice calls too, and for no unanswered one', () => {
    const bus = createDomainEventBus({ log: silentLogger });
    const asked: string[] = [];
    const stop = followWrapUpPrompt(bus, (callId) => asked.push(callId));
    bus.emit('call.ended', { callId: 'talked', at: 10, answered: true, practice: false });
    bus.emit('call.ended', { callId: 'missed', at: 11, answered: false, practice: false });
    bus.emit('call.ended', { callId: 'rehearsed', at: 12, answered: true, practice: true });
    stop();
    bus.emit('call.ended', { callId: 'after-stop', at: 13, answered: true, practice: false });
    expect(asked).toEqual(['talked', 'rehearsed']);
  });
});
