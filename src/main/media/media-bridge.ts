import type { ParamsOf, ResultOf } from '../../shared/ipc/rpc-protocol.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { MediaMethods } from '../../shared/ipc/api.ts';

/** The part of a connected client that can carry media: its RPC `call`. */
export interface MediaHost {
  call<K extends keyof MediaMethods>(method: K, params: ParamsOf<MediaMethods, K>): Promise<ResultOf<MediaMethods, K>>;
}

/**
 * Main asks the renderer for SDP through this. The media host is the window (or browser tab) that
 * said hello with `media: true` most recently; calls cannot be answered without one.
 */
export class MediaBridge {
  private host: MediaHost | null = null;

  setHost(host: MediaHost): void {
    this.host = host;
  }

  /** Forgets the host if it is this one (the window closed). */
  releaseHost(host: MediaHost): void {
    if (this.host === host) this.host = null;
  }

  hasHost(): boolean {
    return this.host !== null;
  }

  call<K extends keyof MediaMethods>(method: K, params: ParamsOf<MediaMethods, K>): Promise<ResultOf<MediaMethods, K>> {
    if (!this.host) {
      return Promise.reject(new RpcError('no-media', 'No Ringside window is open to carry the audio of the call.'));
    }
    return this.host.call(method, params);
  }
}
