import type { CorePeer } from '../api/connect-to-core.ts';
import { errorText } from '../i18n/error-text.ts';
import { i18n } from '../i18n/i18n.ts';
import { useAppStore } from '../state/app-store.ts';

/**
 * The window's live link to the core. The peer carries a socket and pending calls, which are not
 * data to render, so it is kept here and not in the store; the store says only whether the core
 * answers (`connection`), which is what components watch to fetch again after a reconnect.
 */
let peer: CorePeer | null = null;

/** The core answered this peer's hello: actions go through it from now on. */
export function coreConnected(next: CorePeer): void {
  peer = next;
  useAppStore.getState().connected();
}

/** The link dropped (or never came up): actions are refused with a notice until the next hello. */
export function coreDisconnected(message: string, fatal = false): void {
  peer = null;
  useAppStore.getState().disconnected(message, fatal);
}

/** The peer while the core answers, else null: for callers with their own way of showing a failure. */
export function corePeer(): CorePeer | null {
  return peer;
}

/** Runs an API call and turns a failure into a notice the person can read. */
export async function runAction<T>(action: (api: CorePeer) => Promise<T>): Promise<T | undefined> {
  const { pushNotice } = useAppStore.getState();
  const api = peer;
  if (!api) {
    pushNotice('error', i18n.t('shell.notConnected'));
    return undefined;
  }
  try {
    return await action(api);
  } catch (error) {
    pushNotice('error', errorText(error));
    return undefined;
  }
}
