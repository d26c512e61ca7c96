import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import { i18n } from './i18n.ts';

/** An error from the core in the window's language (the words for its code), else as it came. */
export function errorText(error: unknown): string {
  if (error instanceof RpcError) {
    // A code the catalogues do not know (a newer core) shows the core's English words.
    return i18n.t(`errors.${error.code}`, { ...error.params, defaultValue: error.message });
  }
  return error instanceof Error ? error.message : String(error);
}
