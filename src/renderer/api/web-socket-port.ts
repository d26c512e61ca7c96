import { WEB_RPC_PATH } from '../../shared/ipc/bridge.ts';
import type { RpcMessage, RpcPort } from '../../shared/ipc/rpc-protocol.ts';
import { i18n } from '../i18n/i18n.ts';

export const TOKEN_STORAGE_KEY = 'ringside.token';

/** Browser mode: the token comes in the page URL once, then lives in sessionStorage so a reload works. */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}

export function rpcUrl(location: Location, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${WEB_RPC_PATH}?token=${encodeURIComponent(token)}`;
}

/** Opens the WebSocket and resolves with a port once it is open; rejects if it closes first. */
export function openWebSocketPort(url: string, onClose: () => void): Promise<RpcPort> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const handlers = new Set<(message: unknown) => void>();
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      resolve({
        send: (message: RpcMessage) => socket.send(JSON.stringify(message)),
        onMessage(handler) {
          handlers.add(handler);
          return () => handlers.delete(handler);
        },
      });
    });
    socket.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      for (const handler of handlers) handler(message);
    });
    socket.addEventListener('close', () => {
      if (opened) onClose();
      else reject(new Error(i18n.t('shell.refused')));
    });
  });
}
