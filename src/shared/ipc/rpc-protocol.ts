import { z } from 'zod';

/** The details an error's words need (a number, a name), so each window can word it in its language. */
const rpcErrorParamsSchema = z.record(z.string().max(40), z.union([z.string().max(4000), z.number()]));
export type RpcErrorParams = z.infer<typeof rpcErrorParamsSchema>;

/**
 * The wire format shared by every host: Electron IPC (one channel) and browser mode (one
 * WebSocket). Both sides are peers: either may send requests, responses and events.
 */
export const rpcMessageSchema = z.union([
  z.object({ kind: z.literal('request'), id: z.number().int().nonnegative(), method: z.string().max(100), params: z.unknown() }),
  z.object({ kind: z.literal('response'), id: z.number().int().nonnegative(), ok: z.literal(true), result: z.unknown() }),
  z.object({
    kind: z.literal('response'),
    id: z.number().int().nonnegative(),
    ok: z.literal(false),
    error: z.object({ code: z.string().max(100), message: z.string().max(4000), params: rpcErrorParamsSchema.optional() }),
  }),
  z.object({ kind: z.literal('event'), name: z.string().max(100), payload: z.unknown() }),
]);
export type RpcMessage = z.infer<typeof rpcMessageSchema>;

/** Anything that carries RpcMessages both ways: an Electron IPC channel or a WebSocket. */
export interface RpcPort {
  send(message: RpcMessage): void;
  /** Returns a function that stops listening. */
  onMessage(handler: (message: unknown) => void): () => void;
}

/** A method's params and result schemas. */
export interface MethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
}
export type MethodTable = Record<string, MethodSpec>;
export type EventTable = Record<string, z.ZodType>;

export type ParamsOf<T extends MethodTable, K extends keyof T> = z.input<T[K]['params']>;
export type ResultOf<T extends MethodTable, K extends keyof T> = z.output<T[K]['result']>;
export type PayloadOf<T extends EventTable, K extends keyof T> = z.output<T[K]>;

/** What the handling side implements: parsed params in, result out. */
export type Handlers<T extends MethodTable> = {
  [K in keyof T]: (params: z.output<T[K]['params']>) => Promise<z.input<T[K]['result']>> | z.input<T[K]['result']>;
};

/** An error whose code and message are meant for the other side (and the user). */
export class RpcError extends Error {
  readonly code: string;
  /** What the code's wording needs; `message` is the same in English (logs, the command line). */
  readonly params: RpcErrorParams;
  constructor(code: string, message: string, params: RpcErrorParams = {}) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
    this.params = params;
  }
}
