import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RpcPeer } from './rpc-peer.ts';
import type { RpcMessage, RpcPort } from './rpc-protocol.ts';

/** Two ports wired to each other, delivering asynchronously like a socket. */
function pair(): [RpcPort, RpcPort, (raw: unknown) => void] {
  const handlers: [((m: unknown) => void)[], ((m: unknown) => void)[]] = [[], []];
  const make = (mine: 0 | 1): RpcPort => ({
    send: (message: RpcMessage) => queueMicrotask(() => handlers[mine === 0 ? 1 : 0].forEach((h) => h(JSON.parse(JSON.stringify(message))))),
    onMessage: (h) => {
      handlers[mine].push(h);
      return () => handlers[mine].splice(handlers[mine].indexOf(h), 1);
    },
  });
  return [make(0), make(1), (raw) => handlers[1].forEach((h) => h(raw))];
}

const methods = { add: { params: z.object({ a: z.number(), b: z.number() }), result: z.object({ sum: z.number() }) } };
const events = { tick: z.object({ n: z.number() }) };

describe('RpcPeer', () => {
  it('calls a method on the other side, answers, and delivers events', async () => {
    const [left, right] = pair();
    const client = new RpcPeer({ port: left, outgoing: methods, incoming: {}, handlers: {}, outgoingEvents: {}, incomingEvents: events });
    const server = new RpcPeer({ port: right, outgoing: {}, incoming: methods, handlers: { add: ({ a, b }) => ({ sum: a + b }) }, outgoingEvents: events, incomingEvents: {} });
    expect(await client.call('add', { a: 2, b: 3 })).toEqual({ sum: 5 });
    const seen: number[] = [];
    client.on('tick', ({ n }) => seen.push(n));
    server.emit('tick', { n: 7 });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([7]);
  });

  it('rejects bad parameters with the field named, and survives garbage', async () => {
    const [left, right, inject] = pair();
    const errors: string[] = [];
    const client = new RpcPeer({ port: left, outgoing: methods, incoming: {}, handlers: {}, outgoingEvents: {}, incomingEvents: events });
    new RpcPeer({ port: right, outgoing: {}, incoming: methods, handlers: { add: ({ a, b }) => ({ sum: a + b }) }, outgoingEvents: {}, incomingEvents: {}, onProtocolError: (e) => errors.push(e.message) });
    await expect(client.call('add', { a: 1, b: 'x' } as never)).rejects.toThrow(/b: /);
    inject({ kind: 'response', id: 99, ok: true });
    inject('not an object');
    inject({ kind: 'request', id: 1, method: 'constructor', params: {} });
    await new Promise((r) => setTimeout(r, 0));
    expect(errors.length).toBeGreaterThan(0);
    expect(await client.call('add', { a: 1, b: 1 })).toEqual({ sum: 2 });
  });

  it('rejects pending calls when closed', async () => {
    const [left] = pair();
    const client = new RpcPeer({ port: left, outgoing: methods, incoming: {}, handlers: {}, outgoingEvents: {}, incomingEvents: {} });
    const pending = client.call('add', { a: 1, b: 2 });
    client.close();
    await expect(pending).rejects.toThrow(/closed/);
  });
});
