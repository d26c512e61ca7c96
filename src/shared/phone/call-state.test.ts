import { describe, expect, it } from 'vitest';
import { IllegalCallTransitionError, transitionCallState } from './call-state.ts';

describe('call state machine', () => {
  it('allows ringing → answering → active → ended', () => {
    expect(transitionCallState('ringing', 'answering')).toBe('answering');
    expect(transitionCallState('answering', 'active')).toBe('active');
    expect(transitionCallState('active', 'ended')).toBe('ended');
  });

  it('lets a ringing call end (missed, declined)', () => {
    expect(transitionCallState('ringing', 'ended')).toBe('ended');
  });

  it('refuses to skip answering or to leave ended', () => {
    expect(() => transitionCallState('ringing', 'active')).toThrow(IllegalCallTransitionError);
    expect(() => transitionCallState('ended', 'ringing')).toThrow(IllegalCallTransitionError);
    expect(() => transitionCallState('active', 'answering')).toThrow(/active → answering/);
  });
});
