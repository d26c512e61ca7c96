import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import { useAppStore } from '../state/app-store.ts';
import { coreConnected, coreDisconnected, corePeer, runAction } from './core-connection.ts';
import { loopbackCore } from './loopback-core.test-support.ts';

const notices = () => useAppStore.getState().notices.map((n) => `${n.level}: ${n.message}`);

describe('the link to the core', () => {
  beforeEach(() => useAppStore.setState({ notices: [], connection: { status: 'connecting', message: null } }));
  afterEach(() => coreDisconnected('test over'));

  it('refuses an action with a notice while no core answers, and says so in the store', async () => {
    coreDisconnected('The core stopped answering');
    const { received } = loopbackCore({ 'phone.answer': () => ({}) });

    expect(await runAction((api) => api.call('phone.answer', { callId: 'c1' }))).toBeUndefined();
    expect(received).toEqual([]);
    expect(notices()).toEqual(['error: Not connected to Ringside.']);
    expect(useAppStore.getState().connection).toEqual({ status: 'disconnected', message: 'The core stopped answering' });
  });

  it('runs actions through the peer the core answered, and keeps that peer out of the store', async () => {
    const { peer, received } = loopbackCore({ 'phone.dial': ({ target }) => ({ callId: `to-${target}` }) });
    coreConnected(peer);

    expect(await runAction((api) => api.call('phone.dial', { target: '203' }))).toEqual({ callId: 'to-203' });
    expect(received).toEqual([{ method: 'phone.dial', params: { target: '203' } }]);
    expect(corePeer()).toBe(peer);
    expect(useAppStore.getState().connection.status).toBe('connected');
    expect(Object.values(useAppStore.getState())).not.toContain(peer);
  });

  it('words a refusal from the core in the window’s language as a notice, and answers undefined', async () => {
    const { peer } = loopbackCore({
      'phone.hangup': () => {
        throw new RpcError('call-ended', 'That call has already ended.');
      },
    });
    coreConnected(peer);

    expect(await runAction((api) => api.call('phone.hangup', { callId: 'gone' }))).toBeUndefined();
    expect(notices()).toEqual(['error: That call has already ended.']);
  });

  it('forgets the peer when the link drops: a later action goes nowhere and a fatal drop is kept as fatal', async () => {
    const { peer, received } = loopbackCore({ 'phone.answer': () => ({}) });
    coreConnected(peer);
    coreDisconnected('No token', true);

    expect(corePeer()).toBeNull();
    expect(await runAction((api) => api.call('phone.answer', { callId: 'c1' }))).toBeUndefined();
    expect(received).toEqual([]);
    expect(useAppStore.getState().connection).toEqual({ status: 'fatal', message: 'No token' });
  });
});
