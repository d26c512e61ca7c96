import { describe, expect, it } from 'vitest';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { createAnswerPreparation } from './answer-preparation.ts';

type Seen = Pick<LiveCall, 'id' | 'direction' | 'state'>;
const call = (id: string, state: LiveCall['state'], direction: LiveCall['direction'] = 'inbound'): Seen => ({ id, state, direction });

function preparation() {
  const said: string[] = [];
  const changed = createAnswerPreparation({ prepare: (id) => said.push(`prepare ${id}`), release: (id) => said.push(`release ${id}`) });
  return { said, changed };
}

describe('answer preparation', () => {
  it('prepares a ringing incoming call once, however often the calls change while it rings', () => {
    const { said, changed } = preparation();
    changed([call('a', 'ringing')]);
    changed([call('a', 'ringing')]);
    changed([call('a', 'answering')]);
    changed([call('a', 'active')]);
    expect(said).toEqual(['prepare a']);
  });

  it('releases a call that ended or left the list, answered or not', () => {
    const { said, changed } = preparation();
    changed([call('a', 'ringing'), call('b', 'ringing')]);
    changed([call('a', 'ended'), call('b', 'active')]);
    changed([]);
    expect(said).toEqual(['prepare a', 'prepare b', 'release a', 'release b']);
  });

  it('prepares nothing for outgoing calls and for calls already past ringing', () => {
    const { said, changed } = preparation();
    changed([call('out', 'dialing', 'outbound'), call('in', 'active')]);
    changed([]);
    expect(said).toEqual([]);
  });

  it('prepares a second ringing call (call waiting) beside an active one', () => {
    const { said, changed } = preparation();
    changed([call('a', 'ringing')]);
    changed([call('a', 'active'), call('b', 'ringing')]);
    changed([call('a', 'active')]);
    expect(said).toEqual(['prepare a', 'prepare b', 'release b']);
  });
});
