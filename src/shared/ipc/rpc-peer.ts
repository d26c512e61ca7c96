import type { z } from 'zod';
import { describeIssues } from '../validation/describe-issues.ts';
import {
  RpcError,
  rpcMessageSchema,
  type EventTable,
  type Handlers,
  type MethodTable,
  type ParamsOf,
  type PayloadOf,
  type ResultOf,
  type RpcPort,
} from './rpc-protocol.ts';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  result: z.ZodType;
}

export interface RpcPeerOptions<Out extends MethodTable, In extends MethodTable, OutEvents extends EventTable, InEvents extends EventTable> {
  port: RpcPort;
  /** Methods this side may call on the other. */
  outgoing: Out;
  /** Methods the other side may call on this one. */
  incoming: In;
  handlers: Partial<Handlers<In>>;
  outgoingEvents: OutEvents;
  incomingEvents: InEvents;
  /** Called for a malformed message or a failing handler: the peer never throws into the port. */
  onProtocolError?: (error: Error) => void;
}

/**
 * One end of a typed request/response/event channel. Every incoming message is checked against
 * the contract's zod schemas before it reaches application code.
 */
export class RpcPeer<Out extends MethodTable, In extends MethodTable, OutEvents extends EventTable, InEvents extends EventTable> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<keyof InEvents, Set<(payload: never) => void>>();
  private readonly stop: () => void;
  private closed = false;
  private readonly options: RpcPeerOptions<Out, In, OutEvents, InEvents>;

  constructor(options: RpcPeerOptions<Out, In, OutEvents, InEvents>) {
    this.options = options;
    this.stop = options.port.onMessage((raw) => {
      try {
        this.receive(raw);
      } catch (error) {
        this.reportError(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  call<K extends keyof Out & string>(method: K, params: ParamsOf<Out, K>): Promise<ResultOf<Out, K>> {
    if (this.closed) return Promise.reject(new RpcError('closed', 'The connection is closed'));
    const spec = this.options.outgoing[method];
    if (!spec) return Promise.reject(new RpcError('unknown-method', `Unknown method ${method}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, result: spec.result });
      this.options.port.send({ kind: 'request', id, method, params });
    });
  }

  emit<K extends keyof OutEvents & string>(name: K, payload: z.input<OutEvents[K]>): void {
    if (this.closed) return;
    this.options.port.send({ kind: 'event', name, payload });
  }

  on<K extends keyof InEvents & string>(name: K, listener: (payload: PayloadOf<InEvents, K>) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Rejects every call still waiting and stops listening. */
  close(reason = 'The connection is closed'): void {
    if (this.closed) return;
    this.closed = true;
    this.stop();
    for (const pending of this.pending.values()) pending.reject(new RpcError('closed', reason));
    this.pending.clear();
  }

  private receive(raw: unknown): void {
    const parsed = rpcMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.reportError(new RpcError('bad-message', 'Malformed message ignored'));
      return;
    }
    const message = parsed.data;
    switch (message.kind) {
      case 'request':
        void this.handleRequest(message.id, message.method, message.params);
        return;
      case 'response': {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        if (!message.ok) {
          pending.reject(new RpcError(message.error.code, message.error.message, message.error.params));
          return;
        }
        const result = pending.result.safeParse(message.result);
        if (result.success) pending.resolve(result.data);
        else pending.reject(new RpcError('bad-result', `Invalid result: ${result.error.message}`));
        return;
      }
      case 'event': {
        const schema = this.options.incomingEvents[message.name];
        const set = this.listeners.get(message.name);
        if (!schema) {
          this.reportError(new RpcError('unknown-event', `Unknown event ${message.name}`));
          return;
        }
        const payload = schema.safeParse(message.payload);
        if (!payload.success) {
          this.reportError(new RpcError('bad-event', `Invalid ${message.name}: ${payload.error.message}`));
          return;
        }
        if (set) for (const listener of [...set]) (listener as (p: unknown) => void)(payload.data);
        return;
      }
    }
  }

  private async handleRequest(id: number, method: string, rawParams: unknown): Promise<void> {
    const spec = Object.hasOwn(this.options.incoming, method) ? this.options.incoming[method] : undefined;
    const handler = Object.hasOwn(this.options.handlers, method) ? this.options.handlers[method] : undefined;
    if (!spec || !handler) {
      this.respondError(id, new RpcError('unknown-method', `Unknown method ${method}`));
      return;
    }
    const params = spec.params.safeParse(rawParams);
    if (!params.success) {
      this.respondError(id, new RpcError('bad-params', `Invalid parameters for ${method}: ${describeIssues(params.error.issues)}`));
      return;
    }
    try {
      const result = await handler(params.data as never);
      if (!this.closed) this.options.port.send({ kind: 'response', id, ok: true, result });
    } catch (error) {
      const rpcError = error instanceof RpcError ? error : new RpcError('internal', error instanceof Error ? error.message : String(error));
      if (!(error instanceof RpcError)) this.reportError(error instanceof Error ? error : new Error(String(error)));
      this.respondError(id, rpcError);
    }
  }

  private respondError(id: number, error: RpcError): void {
    if (this.closed) return;
    this.options.port.send({ kind: 'response', id, ok: false, error: { code: error.code, message: error.message, params: error.params } });
  }

  private reportError(error: Error): void {
    this.options.onProtocolError?.(error);
  }
}
