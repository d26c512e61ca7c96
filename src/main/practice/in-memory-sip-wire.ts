import { EmitterImpl, TransportState, type Transport } from 'sip.js';

type End = 'caller' | 'desk';

/**
 * Two sip.js transports joined back to back inside the process: what one sends, the other
 * receives (on a later tick, as from a socket). The practice line uses it so a simulated caller
 * reaches the desk through the same sip.js stack and call path as a PBX call, with no network.
 */
export class InMemorySipWire {
  private readonly ends = new Map<End, InMemoryTransport>();

  /** A transport constructor for sip.js's `transportConstructor`, bound to one end of the wire. */
  transportFor(end: End): new () => Transport {
    const send = (message: string) => {
      const to = this.ends.get(end === 'caller' ? 'desk' : 'caller');
      setImmediate(() => to?.receive(message));
    };
    const attach = (transport: InMemoryTransport) => this.ends.set(end, transport);
    return class extends InMemoryTransport {
      constructor() {
        super(send);
        attach(this);
      }
    };
  }
}

class InMemoryTransport implements Transport {
  readonly stateChange = new EmitterImpl<TransportState>();
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  private current = TransportState.Disconnected;
  private readonly deliver: (message: string) => void;

  constructor(deliver: (message: string) => void) {
    this.deliver = deliver;
  }

  get state(): TransportState {
    return this.current;
  }

  get protocol(): string {
    return 'WSS';
  }

  connect(): Promise<void> {
    this.setState(TransportState.Connected);
    this.onConnect?.();
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.setState(TransportState.Disconnected);
    this.onDisconnect?.();
    return Promise.resolve();
  }

  dispose(): Promise<void> {
    return this.disconnect();
  }

  isConnected(): boolean {
    return this.current === TransportState.Connected;
  }

  send(message: string): Promise<void> {
    if (!this.isConnected()) return Promise.reject(new Error('The practice line is closed'));
    this.deliver(message);
    return Promise.resolve();
  }

  receive(message: string): void {
    if (this.isConnected()) this.onMessage?.(message);
  }

  private setState(state: TransportState): void {
    if (this.current === state) return;
    this.current = state;
    this.stateChange.emit(state);
  }
}
