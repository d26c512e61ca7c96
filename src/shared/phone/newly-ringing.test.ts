import { describe, expect, it } from 'vitest';
import type { LiveCall } from '../ipc/phone.ts';
import { newlyRinging } from './newly-ringing.ts';

const call = (id: string, state: LiveCall['state'], direction: LiveCall['direction'] = 'inbound') => ({ id, state, direction }) as LiveCall;

describe('calls that just started ringing', () => {
  it('announces each incoming ringing call once, never outgoing or answered ones, and forgets calls that are gone', () => {
    let seen = new Set<string>();
    let step = newlyRinging(seen, [call('a', 'ringing'), call('b', 'dialing', 'outbound'), call('c', 'active')]);
    expect(step.fresh.map((c) => c.id)).toEqual(['a']);
    seen = step.seen;
    step = newlyRinging(seen, [call('a', 'ringing'), call('d', 'ringing')]);
    expect(step.fresh.map((c) => c.id)).toEqual(['d']);
    step = newlyRinging(step.seen, [call('d', 'active')]);
    expect(step.fresh).toEqual([]);
    expect([...step.seen]).toEqual(['d']);
    expect([...newlyRinging(step.seen, []).seen]).toEqual([]);
  });
});
