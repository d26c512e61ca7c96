import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../shared/logger.ts';
import { silentLogger } from '../../shared/logger.ts';
import { createDomainEventBus } from './domain-event-bus.ts';

describe('the domain event bus', () => {
  it('calls the listeners of an event in the order they subscribed, and stops calling one that unsubscribed', () => {
    const bus = createDomainEventBus({ log: silentLogger });
    const heard: string[] = [];
    bus.on('call.ended', ({ callId }) => void heard.push(`first ${callId}`));
    const stop = bus.on('call.ended', ({ callId }) => void heard.push(`second ${callId}`));
    bus.on('call.answered', () => void heard.push('answered'));
    bus.emit('call.ended', { callId: 'a', at: 1, answered: true, practice: false });
    stop();
    bus.emit('call.ended', { callId: 'b', at: 2, answered: false, practice: false });
    expect(heard).toEqual(['first a', 'second a', 'first b']);
  });

  it('logs a listener that throws or rejects, and still calls the others', async () => {
    const error = vi.fn();
    const log: Logger = { ...silentLogger, error, child: () => log };
    const bus = createDomainEventBus({ log });
    const heard: string[] = [];
    bus.on('task.due', () => {
      throw new Error('broken');
    });
    bus.on('task.due', () => Promise.reject(new Error('broken later')));
    bus.on('task.due', ({ taskId }) => void heard.push(taskId));
    bus.emit('task.due', { taskId: 't1', dueAt: 5 });
    expect(heard).toEqual(['t1']);
    await Promise.resolve();
    expect(error).toHaveBeenCalledTimes(2);
    expect(error.mock.calls.map(([, fields]) => (fields as { error: string }).error)).toEqual(['Error: broken', 'Error: broken later']);
  });
});
