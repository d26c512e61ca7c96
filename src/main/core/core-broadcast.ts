import type { z } from 'zod';
import type { ClientEvents, CoreEvents, CoreMethods, MediaMethods } from '../../shared/ipc/api.ts';
import type { RpcPeer } from '../../shared/ipc/rpc-peer.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Broadcast } from './core-module.ts';

export type ClientPeer = RpcPeer<MediaMethods, CoreMethods, CoreEvents, ClientEvents>;
type HostListener<K extends keyof CoreEvents> = (payload: z.input<CoreEvents[K]>) => void;

/** The windows attached to the core, and the host shell's listeners: every core event reaches both. */
export function createCoreBroadcast(log: Logger) {
  const clients = new Set<ClientPeer>();
  const hostListeners = new Set<{ name: keyof CoreEvents; listener: (payload: never) => void }>();
  const broadcast: Broadcast = (name, payload) => {
    for (const client of clients) client.emit(name, payload);
    for (const host of hostListeners) {
      if (host.name !== name) continue;
      try {
        (host.listener as HostListener<typeof name>)(payload);
      } catch (error) {
        // A failing host listener (the desktop shell) must not keep the event from the others.
        log.error('A host listener failed', { event: name, error: String(error) });
      }
    }
  };
  return {
    clients,
    broadcast,
    onEvent<K extends keyof CoreEvents>(name: K, listener: HostListener<K>): () => void {
      const entry = { name, listener: listener as (payload: never) => void };
      hostListeners.add(entry);
      return () => void hostListeners.delete(entry);
    },
    closeAll() {
      for (const client of clients) client.close();
      clients.clear();
    },
  };
}
