import type { ParamsOf, ResultOf } from '../../shared/ipc/rpc-protocol.ts';
import { RpcError } from '../../shared/ipc/rpc-protocol.ts';
import type { MediaMethods } from '../../shared/ipc/api.ts';
import type { Clock } from '../../shared/clock.ts';

/** The part of a connected client that can carry media: its RPC `call`. */
export interface MediaHost {
  call<K extends keyof MediaMethods>(method: K, params: ParamsOf<MediaMethods, K>): Promise<ResultOf<MediaMethods, K>>;
}

export interface MediaBridgeDeps {
  clock: Clock;
  /**
   * How long a media request waits for a window when none is open (a tab being reloaded or
   * reconnecting) before it fails with no-media: a ringing call is answered once the window is back.
   */
  hostWaitMs: number;
}

/**
 * Main asks the renderer for SDP through this. The media host is the window (or browser tab) that
 * said hello with `media: true` most recently; calls cannot be answered without one.
 */
export class MediaBridge {
  private readonly deps: MediaBridgeDeps;
  private host: MediaHost | null = null;
  private readonly waiting = new Set<(host: MediaHost) => void>();
  private readonly listeners = new Set<(present: boolean) => void>();

  constructor(deps: MediaBridgeDeps) {
    this.deps = deps;
  }

  setHost(host: MediaHost): void {
    if (this.host === host) return;
    const hadHost = this.host !== null;
    this.host = host;
    for (const wake of [...this.waiting]) wake(host);
    this.waiting.clear();
    if (!hadHost) this.notify(true);
  }

  /** Forgets the host if it is this one (the window closed or crashed). */
  releaseHost(host: MediaHost): void {
    if (this.host !== host) return;
    this.host = null;
    this.notify(false);
  }

  hasHost(): boolean {
    return this.host !== null;
  }

  /** Hears when the first window arrives (true) and when the last one goes away (false). */
  onHostChange(listener: (present: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async call<K extends keyof MediaMethods>(method: K, params: ParamsOf<MediaMethods, K>): Promise<ResultOf<MediaMethods, K>> {
    const host = this.host ?? (await this.nextHost());
    return host.call(method, params);
  }

  private nextHost(): Promise<MediaHost> {
    const { clock, hostWaitMs } = this.deps;
    return new Promise((resolve, reject) => {
      const wake = (host: MediaHost) => {
        clock.clearTimeout(timer);
        resolve(host);
      };
      const timer = clock.setTimeout(() => {
        this.waiting.delete(wake);
        reject(new RpcError('no-media', 'No Ringside window is open to carry the audio of the call.'));
      }, hostWaitMs);
      this.waiting.add(wake);
    });
  }

  private notify(present: boolean): void {
    for (const listener of [...this.listeners]) listener(present);
  }
}
