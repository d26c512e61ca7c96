import type { Clock } from '../../shared/clock.ts';
import { missingCaseError } from '../../shared/logger.ts';

/** How often the flow to the PBX is pinged (RFC 5626 §4.4.1: a random 80–100 % of it each time). */
export const KEEP_ALIVE_MS = 25_000;
/** A ping the registrar does not answer with a pong within this is a dead flow (RFC 5626 §4.4.1). */
export const PONG_WAIT_MS = 10_000;

export interface FlowKeepAliveDeps {
  clock: Clock;
  random: () => number;
  /** Sends the ping: a double CRLF on the WebSocket. */
  ping(): void;
  /** A ping went unanswered: the connection is dead though no one closed it. */
  failed(): void;
}

/**
 * - `pinging`: waiting to send the next ping.
 * - `awaiting-pong`: a ping is out and the registrar answers pings (it said Require: outbound).
 * - `stopped`: the connection this watched is gone.
 */
type FlowState = 'pinging' | 'awaiting-pong' | 'stopped';

/**
 * CRLF keep-alives of SIP Outbound (RFC 5626 §4.4.1) on the WebSocket to the PBX: they keep the
 * connection open through NATs and firewalls, and when the registrar supports Outbound (and so
 * answers each ping with a pong), a missing pong is a dead flow found in seconds — not at the next
 * REGISTER, minutes later, after calls were lost.
 */
export class FlowKeepAlive {
  private readonly deps: FlowKeepAliveDeps;
  private state: FlowState = 'pinging';
  private timer: unknown = null;
  private pongsExpected = false;

  constructor(deps: FlowKeepAliveDeps) {
    this.deps = deps;
    this.scheduleNext(this.nextPingMs());
  }

  /** The registrar's 200 OK to REGISTER said whether it supports Outbound (Require: outbound). */
  expectPongs(expected: boolean): void {
    this.pongsExpected = expected;
  }

  pong(): void {
    switch (this.state) {
      case 'awaiting-pong':
        this.state = 'pinging';
        this.scheduleNext(this.nextPingMs());
        return;
      case 'pinging':
      case 'stopped':
        return;
      default:
        throw missingCaseError(this.state);
    }
  }

  stop(): void {
    this.state = 'stopped';
    this.clear();
  }

  private scheduleNext(ms: number): void {
    this.clear();
    this.timer = this.deps.clock.setTimeout(() => this.tick(), ms);
  }

  private nextPingMs(): number {
    return Math.round(KEEP_ALIVE_MS * (0.8 + 0.2 * this.deps.random()));
  }

  private tick(): void {
    this.timer = null;
    switch (this.state) {
      case 'pinging':
        this.deps.ping();
        if (this.pongsExpected) {
          this.state = 'awaiting-pong';
          this.scheduleNext(PONG_WAIT_MS);
        } else {
          this.scheduleNext(this.nextPingMs());
        }
        return;
      case 'awaiting-pong':
        this.state = 'stopped';
        this.deps.failed();
        return;
      case 'stopped':
        return;
      default:
        throw missingCaseError(this.state);
    }
  }

  private clear(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
