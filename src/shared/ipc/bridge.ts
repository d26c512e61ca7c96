/**
 * What the Electron preload exposes to the page as `window.ringside`: one message channel that
 * carries RpcMessages (see rpc-protocol.ts) and nothing else.
 */
export interface PreloadBridge {
  send(message: unknown): void;
  onMessage(handler: (message: unknown) => void): () => void;
}

export const PRELOAD_GLOBAL = 'ringside';
export const IPC_CHANNEL = 'ringside:rpc';
/** Browser mode: the WebSocket path; the page passes `?token=` from its own URL. */
export const WEB_RPC_PATH = '/rpc';
