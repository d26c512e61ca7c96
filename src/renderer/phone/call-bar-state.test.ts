import { describe, expect, it } from 'vitest';
import { callBarState } from './call-bar-state.ts';

const call = { state: 'active', hold: 'none', consultFor: null, transferring: null } as const;

describe('the call bar state', () => {
  it('follows a call from the ring to the wrap-up', () => {
    expect(callBarState({ ...call, state: 'ringing' })).toBe('ringing');
    expect(callBarState({ ...call, state: 'answering' })).toBe('connecting');
    expect(callBarState({ ...call, state: 'dialing' })).toBe('connecting');
    expect(callBarState(call)).toBe('on-call');
    expect(callBarState({ ...call, state: 'ended' })).toBe('wrap-up');
  });

  it('is on hold only while this desk holds the caller, not when the other side holds', () => {
    expect(callBarState({ ...call, hold: 'local' })).toBe('on-hold');
    expect(callBarState({ ...call, hold: 'both' })).toBe('on-hold');
    expect(callBarState({ ...call, hold: 'remote' })).toBe('on-call');
  });

  it('is consulting on a consult call, from its first ring, and while a transfer is under way', () => {
    expect(callBarState({ ...call, state: 'dialing', consultFor: 'c1' })).toBe('consulting');
    expect(callBarState({ ...call, consultFor: 'c1' })).toBe('consulting');
    expect(callBarState({ ...call, transferring: { kind: 'blind', target: '203' } })).toBe('consulting');
  });

  it('says on hold when a held call is being transferred: the waiting caller comes first', () => {
    expect(callBarState({ ...call, hold: 'local', transferring: { kind: 'warm', target: '203' } })).toBe('on-hold');
  });
});
