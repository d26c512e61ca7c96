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
/** Electron: recordings, announcements and exports are served by this protocol, with byte ranges. */
export const MEDIA_PROTOCOL = 'ringside-media';
/** Browser mode: the same files over HTTP under this path (with `?token=`). */
export const WEB_MEDIA_PATH = '/media/';
