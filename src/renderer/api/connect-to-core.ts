import { clientEvents, coreEvents, coreMethods, mediaMethods, type ClientEvents, type CoreEvents, type CoreMethods, type MediaMethods } from '../../shared/ipc/api.ts';
import { PRELOAD_GLOBAL, type PreloadBridge } from '../../shared/ipc/bridge.ts';
import { RpcPeer } from '../../shared/ipc/rpc-peer.ts';
import type { Handlers, RpcPort } from '../../shared/ipc/rpc-protocol.ts';
import { openWebSocketPort, rpcUrl, takeToken } from './web-socket-port.ts';
import { coreReconnectDelayMs } from './core-reconnect-delay.ts';
import { i18n } from '../i18n/i18n.ts';
import { ringTrace } from '../phone/ring-trace.ts';

export type CorePeer = RpcPeer<CoreMethods, MediaMethods, ClientEvents, CoreEvents>;

export interface ConnectOptions {
  mediaHandlers: Handlers<MediaMethods>;
  /** Called with each new peer (first connect and every reconnect). */
  onConnected(peer: CorePeer): void;
  onDisconnected(reason: string): void;
  onFatal(message: string): void;
}

/** Electron: the preload's bridge. Browser mode: a WebSocket that reconnects as soon as the core is back. */
export function connectToCore(options: ConnectOptions): void {
  const bridge = (window as unknown as Record<string, PreloadBridge | undefined>)[PRELOAD_GLOBAL];
  if (bridge) {
    const port: RpcPort = { send: (m) => bridge.send(m), onMessage: (h) => bridge.onMessage(h) };
    options.onConnected(makePeer(port, options.mediaHandlers));
    return;
  }
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (!token) {
    options.onFatal(i18n.t('shell.noToken'));
    return;
  }
  let attempt = 0;
  const connect = () => {
    let peer: CorePeer | null = null;
    openWebSocketPort(rpcUrl(window.location, token), () => {
      peer?.close();
      options.onDisconnected(i18n.t('shell.stoppedAnswering'));
      schedule();
    }).then(
      (port) => {
        attempt = 0;
        peer = makePeer(port, options.mediaHandlers);
        options.onConnected(peer);
      },
      () => {
        if (attempt === 0) options.onDisconnected(i18n.t('shell.cannotConnect'));
        schedule();
      },
    );
  };
  const schedule = () => {
    attempt++;
    setTimeout(connect, coreReconnectDelayMs(attempt));
  };
  connect();
}

function makePeer(port: RpcPort, mediaHandlers: Handlers<MediaMethods>): CorePeer {
  // Each message's arrival is noted before its checks, for the ring trace's first mark.
  const traced: RpcPort = {
    send: (message) => port.send(message),
    onMessage: (handler) =>
      port.onMessage((message) => {
        ringTrace.arrived();
        handler(message);
      }),
  };
  return new RpcPeer({
    port: traced,
    outgoing: coreMethods,
    incoming: mediaMethods,
    handlers: mediaHandlers,
    outgoingEvents: clientEvents,
    incomingEvents: coreEvents,
    onProtocolError: (error) => console.warn('Ringside protocol:', error.message),
  });
}
