import { clientEvents, coreEvents, coreMethods, mediaMethods, type CoreMethods } from '../../shared/ipc/api.ts';
import { RpcPeer } from '../../shared/ipc/rpc-peer.ts';
import type { Handlers, RpcMessage, RpcPort } from '../../shared/ipc/rpc-protocol.ts';
import type { CorePeer } from '../api/connect-to-core.ts';

/** A request the core side received, after the contract's schemas checked it. */
export interface ReceivedCall {
  method: string;
  params: unknown;
}

/**
 * For the renderer's unit tests: a window peer talking the real contract, through JSON and the
 * zod schemas both ways, to a core side that answers with `handlers` and notes every request.
 */
export function loopbackCore(handlers: Partial<Handlers<CoreMethods>>): { peer: CorePeer; received: ReceivedCall[] } {
  const listeners: [((m: unknown) => void)[], ((m: unknown) => void)[]] = [[], []];
  const port = (mine: 0 | 1): RpcPort => ({
    send: (message: RpcMessage) => queueMicrotask(() => listeners[mine === 0 ? 1 : 0].forEach((h) => h(JSON.parse(JSON.stringify(message))))),
    onMessage: (h) => {
      listeners[mine].push(h);
      return () => listeners[mine].splice(listeners[mine].indexOf(h), 1);
    },
  });
  const received: ReceivedCall[] = [];
  const noting = Object.fromEntries(
    Object.entries(handlers).map(([method, handler]) => [
      method,
      (params: never) => {
        received.push({ method, params });
        return (handler as (p: never) => unknown)(params);
      },
    ]),
  ) as Partial<Handlers<CoreMethods>>;
  new RpcPeer({ port: port(1), outgoing: mediaMethods, incoming: coreMethods, handlers: noting, outgoingEvents: coreEvents, incomingEvents: clientEvents });
  const peer: CorePeer = new RpcPeer({ port: port(0), outgoing: coreMethods, incoming: mediaMethods, handlers: {}, outgoingEvents: clientEvents, incomingEvents: coreEvents });
  return { peer, received };
}
